import Fluent
import Foundation
import InsuranceKit
import Vapor

/// What third-party motor adds to the common lifecycle: the licence before issue (R-TP-02),
/// cover from 00:00 of the day after purchase (R-TP-03), the unique code and the central
/// registry's events (R-TP-13).
enum ThirdPartyDesk {
    static let product = ThirdPartyInsurance().code.rawValue

    struct LicenceRequest: Sendable {
        var licence: DrivingLicence
        var holderName: String
        var holderNationalCode: NationalCode
    }

    static func vehicleClass(of policy: Policy) throws -> ThirdPartyTariff.VehicleClass {
        let inputs = (try JSONSerialization.jsonObject(with: Data(policy.inputs.utf8)) as? [String: Any]) ?? [:]
        let issueDate = try JalaliDate(parsing: inputs["issueDate"] as? String ?? "")
        return try ThirdPartyTariff.forYear(issueDate.year).vehicleClass(inputs["vehicleClass"] as? String ?? "")
    }

    /// Asks the licence authority, before anything is written: its answer may take seconds, and a
    /// transaction (on SQLite, the only writer) must not wait on another service.
    static func confirmLicence(_ request: LicenceRequest, policyID: UUID, principal: Principal, authority: any LicenceAuthority,
                               today: JalaliDate, client: any Client, on db: any Database) async throws {
        let policy = try await licensable(policyID, principal: principal, on: db)
        try await authority.verify(request.licence, holder: request.holderNationalCode, vehicleClass: try vehicleClass(of: policy),
                                   on: today, client: client)
    }

    /// Registers the licence of a user of the vehicle after the authority confirmed it
    /// (`confirmLicence`). The policy is read again in the transaction and the local checks
    /// repeated, since it may have changed while the authority was being asked.
    static func registerLicence(_ request: LicenceRequest, policyID: UUID, principal: Principal,
                                in work: UnitOfWork) async throws -> PolicyLicence {
        let policy = try await licensable(policyID, principal: principal, on: work.db)
        let today = JalaliDate(date: work.now)
        try DrivingLicence.check(request.licence, vehicleClass: try vehicleClass(of: policy), on: today)
        try await PolicyLicence.query(on: work.db).filter(\.$policy.$id == policyID).delete()
        let row = PolicyLicence()
        row.$policy.id = policyID
        row.number = request.licence.number
        row.licenceClass = request.licence.licenceClass.rawValue
        row.expiry = request.licence.expiry.description
        row.holderName = request.holderName
        row.holderNationalCode = request.holderNationalCode.value
        row.verifiedOn = today.description
        try await row.create(on: work.db)
        policy.version += 1
        try await policy.save(on: work.db)
        try await work.audit("policy.licence-registered", entity: "policy", id: policyID.uuidString,
                             after: ["number": row.number, "class": row.licenceClass, "expiry": row.expiry])
        return row
    }

    /// A third-party policy not yet issued, the only kind a licence is registered on.
    private static func licensable(_ policyID: UUID, principal: Principal, on db: any Database) async throws -> Policy {
        let policy = try await PolicyAccess.policy(policyID, for: principal, on: db)
        guard policy.product == product else {
            throw AppError.conflict("licence-not-applicable", "ثبت گواهینامه فقط برای بیمه‌نامهٔ شخص ثالث است.")
        }
        guard policy.status == .registered else {
            throw AppError.conflict("policy-not-registered", "گواهینامه پیش از صدور بیمه‌نامه ثبت می‌شود.")
        }
        return policy
    }

    /// Before issue: the vehicle's details in the inputs (R-TP-13: what the registry and the
    /// public inquiry name), a registered licence still valid today (R-TP-02); the term re-dated
    /// to run from the purchase day, so that cover starts at 00:00 of the next day (R-TP-03).
    static func prepareIssue(_ policy: Policy, today: JalaliDate, on db: any Database) async throws {
        guard vehicle(of: policy) != nil else {
            throw AppError.conflict("vehicle-details-required",
                                    "پیش از صدور بیمه‌نامهٔ شخص ثالث، مشخصات خودرو (پلاک، VIN یا شمارهٔ شاسی، شمارهٔ موتور، سازنده، مدل و سال ساخت) باید در پیشنهاد ثبت شده باشد؛ پیشنهاد تازه‌ای با این مشخصات وارد کنید.")
        }
        guard let licence = try await PolicyLicence.query(on: db).filter(\.$policy.$id == policy.requireID()).first() else {
            throw AppError.conflict("licence-required", "پیش از صدور بیمه‌نامهٔ شخص ثالث، گواهینامهٔ یکی از رانندگان خودرو باید ثبت و تأیید شود.")
        }
        guard let expiry = try? JalaliDate(parsing: licence.expiry), today <= expiry else {
            throw AppError.conflict("licence-expired", "گواهینامهٔ ثبت‌شده منقضی شده است؛ گواهینامهٔ معتبر ثبت کنید.")
        }
        policy.startDate = today.description
        policy.endDate = today.addingYears(1).description
    }

    /// At issue: the unique code and the registry event, in the issue's transaction.
    static func issued(_ policy: Policy, in work: UnitOfWork) async throws {
        policy.uniqueCode = uniqueCode()
        try await policy.save(on: work.db)
        try await recordEvent(policy.$renewalOf.id == nil ? "issued" : "renewed", policy: policy, in: work)
    }

    /// The policy's inputs as stored (normalized at sale or by the last endorsement).
    static func inputs(of policy: Policy) -> ThirdPartyInputs? {
        try? JSONDecoder().decode(ThirdPartyInputs.self, from: Data(policy.inputs.utf8))
    }

    /// What the policy insures, as sold or as last changed by endorsement; nil for a proposal
    /// entered without it.
    static func vehicle(of policy: Policy) -> VehicleDetails? {
        inputs(of: policy)?.vehicle
    }

    /// The vehicle as the public authenticity inquiry shows it (R-TP-13): its tariff class, make,
    /// model and year, the plate, VIN and chassis number masked (`VehicleDetails.masked`), no
    /// engine number. A policy sold before the details were recorded shows its class alone.
    struct PublicVehicle: Content {
        var vehicleClass: String
        var label: String
        var plate: String?
        var vin: String?
        var chassisNumber: String?
        var make: String?
        var model: String?
        var modelYear: Int?
    }

    static func publicVehicle(of policy: Policy) -> PublicVehicle? {
        guard let inputs = inputs(of: policy), let vehicleClass = try? vehicleClass(of: policy) else { return nil }
        let masked = inputs.vehicle?.masked
        return PublicVehicle(vehicleClass: vehicleClass.code, label: vehicleClass.label, plate: masked?.plate,
                             vin: masked?.vin, chassisNumber: masked?.chassisNumber, make: masked?.make, model: masked?.model,
                             modelYear: masked?.modelYear)
    }

    /// The vehicle's plate (canonical), as sold or as last changed by endorsement.
    static func plate(of policy: Policy) -> String? {
        guard let inputs = inputs(of: policy) else { return nil }
        return inputs.vehicle?.plate.canonical ?? inputs.plate
    }

    /// 16 characters from an alphabet without look-alikes: ~80 bits, not guessable.
    static func uniqueCode() -> String { PolicyUniqueCode.make() }

    /// What an event tells the registry (its `data`): the policy, the licence and the vehicle in
    /// full (the registry is not the public: nothing is masked). `plate` repeats `vehicle.plate`
    /// for the readers of the events written before the vehicle's details were recorded.
    struct RegistryPayload: Encodable {
        var kind: String
        var policyNumber: String
        var uniqueCode: String
        var coverFrom: String
        var coverTo: String
        var licenceNumber: String
        var licenceClass: String
        var licenceExpiry: String
        var licenceHolder: String
        var plate: String
        var vehicleClass: String
        var vehicle: VehicleDetails?
    }

    /// R-TP-13: every issue, renewal, endorsement and cancellation goes to the central registry
    /// with the licence data and the vehicle; the outbox row commits with the change itself.
    static func recordEvent(_ kind: String, policy: Policy, in work: UnitOfWork) async throws {
        let policyID = try policy.requireID()
        let licence = try await PolicyLicence.query(on: work.db).filter(\.$policy.$id == policyID).first()
        let payload = RegistryPayload(
            kind: kind, policyNumber: policy.printedNumber ?? "", uniqueCode: policy.uniqueCode ?? "",
            coverFrom: policy.startDate, coverTo: policy.endDate,
            licenceNumber: licence?.number ?? "", licenceClass: licence?.licenceClass ?? "", licenceExpiry: licence?.expiry ?? "",
            licenceHolder: licence?.holderNationalCode ?? "",
            plate: plate(of: policy) ?? "", vehicleClass: inputs(of: policy)?.vehicleClass ?? "", vehicle: vehicle(of: policy))
        try await RegistryOutbox.enqueue(kind, policy: policy, payload: payload, in: work)
    }
}
