import Fluent
import Foundation
import InsuranceKit

/// Third-party motor on the server: the licence before issue and the term from the purchase day
/// (R-TP-02/03), the unique code and the central registry's events (R-TP-13), the renewal's
/// discount history (R-TP-06/08), and its claim facts (R-TP-10…12).
struct ThirdPartyHooks: ProductHooks {
    let product = ThirdPartyInsurance().code

    func prepareIssue(_ policy: Policy, today: JalaliDate, in work: UnitOfWork) async throws {
        try await ThirdPartyDesk.prepareIssue(policy, today: today, on: work.db)
    }

    func issued(_ policy: Policy, in work: UnitOfWork) async throws {
        try await ThirdPartyDesk.issued(policy, in: work)
    }

    func endorsed(_ policy: Policy, in work: UnitOfWork) async throws {
        try await ThirdPartyDesk.recordEvent("endorsed", policy: policy, in: work)
    }

    func cancelled(_ policy: Policy, in work: UnitOfWork) async throws {
        try await ThirdPartyDesk.recordEvent("cancelled", policy: policy, in: work)
    }

    func renewal(of old: Policy, today: JalaliDate, on db: any Database) async throws -> RenewalBasis {
        let next = try await ThirdPartyRenewal.next(after: old, today: today, on: db)
        return RenewalBasis(start: next.start, inputs: next.inputs)
    }

    func policyFacts(_ policy: Policy) -> PolicyFacts {
        PolicyFacts(plate: ThirdPartyDesk.plate(of: policy), vehicle: ThirdPartyDesk.vehicle(of: policy).map { v in
            InsuredVehicle(plate: v.plate.canonical, plateDisplay: v.plate.display, vin: v.vin?.value,
                           vinCheckDigitMatches: v.vin?.checkDigitMatches, chassisNumber: v.chassisNumber, engineNumber: v.engineNumber,
                           make: v.make, model: v.model, modelYear: v.modelYear)
        })
    }

    func policyPanel(_ policy: Policy, on db: any Database) async throws -> PolicyPanel {
        let licence = try await PolicyLicence.query(on: db).filter(\.$policy.$id == policy.requireID()).first()
        return PolicyPanel(needsPrerequisite: policy.status == .registered,
                           recorded: licence.map { "\($0.number) — \($0.holderName) — تا \($0.expiry)" },
                           formAction: SiteURL.licence(.value(try policy.requireID())).path)
    }
}
