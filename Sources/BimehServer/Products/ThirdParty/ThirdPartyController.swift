import Fluent
import InsuranceKit
import Vapor

/// Third-party specifics over HTTP: the driving licence of a policy (R-TP-02) and the public
/// authenticity inquiry by unique code (R-TP-13, API.md).
struct ThirdPartyController: RouteCollection {
    let authority: any LicenceAuthority

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.issuer, .agent])).post(.apiLicence(.key), use: licence)
        routes.get(.publicThirdParty(.key), use: authenticity)
    }

    struct LicenceBody: StrictRequestBody {
        static let fields: Set<String> = ["number", "class", "expiry", "holderName", "holderNationalCode"]
        var number: String?
        var `class`: String?
        var expiry: String?
        var holderName: String?
        var holderNationalCode: String?
    }

    struct LicenceView: Content {
        var number: String
        var `class`: String
        var expiry: String
        var holderName: String
        var verifiedOn: String
    }

    @Sendable func licence(req: Request) async throws -> Response {
        let body = try req.decodeStrict(LicenceBody.self)
        let request = try RegisterLicence(.init(number: body.number, licenceClass: body.class, expiry: body.expiry,
                                                holderName: body.holderName, holderNationalCode: body.holderNationalCode)).request
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("بیمه‌نامه") }
        let principal = try req.principal
        try await DomainErrorMapping.validating(defaultField: "changes") {
            try await ThirdPartyDesk.confirmLicence(request, policyID: id, principal: principal, authority: authority,
                                                    today: req.bimeh.clock.today(), client: req.client, on: req.db)
        }
        // the answer is stored with the licence in its transaction (Idempotency-Key)
        return try await req.writeAnswer(status: .created) { work in
            let row = try await DomainErrorMapping.validating(defaultField: "changes") {
                try await ThirdPartyDesk.registerLicence(request, policyID: id, principal: principal, in: work)
            }
            return LicenceView(number: row.number, class: row.licenceClass, expiry: row.expiry, holderName: row.holderName, verifiedOn: row.verifiedOn)
        }
    }

    struct Authenticity: Content {
        var authentic: Bool
        var policyNumber: String?
        var coverFrom: Date?
        var coverTo: Date?
        var vehicle: ThirdPartyDesk.PublicVehicle?
        /// The product's name (any product with a unique code answers here, R-SH-11).
        var productTitle: String?
        /// Health lines: how many persons are insured, and (not for a group) each one, masked.
        var insuredCount: Int?
        var insuredPersons: [PublicPerson]?
    }

    /// Anyone may ask; the answer says only whether the code is a policy of ours, its cover and
    /// the vehicle or the persons, masked where it could name someone (R-TP-13, R-SH-11).
    @Sendable func authenticity(req: Request) async throws -> Authenticity {
        let code = (req.parameters.get("uniqueCode") ?? "").uppercased()
        guard code.count == 16, code.allSatisfy({ $0.isLetter || $0.isNumber }),
              let policy = try await Policy.query(on: req.db).filter(\.$uniqueCode == code).first(), policy.status != .registered else {
            return Authenticity(authentic: false)
        }
        let term = try PolicyTerm(from: try JalaliDate(parsing: policy.startDate), to: try JalaliDate(parsing: policy.endDate))
        let vehicle = ThirdPartyDesk.publicVehicle(of: policy)
        let persons = policy.status == .issued ? req.bimeh.products.hooks(policy.product).publicPersons(policy) : nil
        return Authenticity(authentic: policy.status == .issued, policyNumber: policy.printedNumber, coverFrom: term.coverBegins,
                            coverTo: term.coverEnds, vehicle: vehicle, productTitle: try? req.bimeh.products.line(policy.product).title,
                            insuredCount: persons?.count, insuredPersons: persons.flatMap { $0.listed.isEmpty ? nil : $0.listed })
    }
}
