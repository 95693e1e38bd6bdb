import Fluent
import InsuranceKit
import Vapor

/// The providers' eligibility inquiry (R-EL-05, API.md): covered or not with the details a doctor
/// or pharmacist needs, the HID of a visit, and the pharmacy's check of an HID.
struct EligibilityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let providers = routes.grouped(RequireRole([.provider]))
        providers.get(.api(.eligibility(.key)), use: inquiry)
        providers.post(.api(.eligibilityVisits(.key)), use: issueHID)
        providers.post(.api(.eligibilityVerification(.key, .key)), use: verifyHID)
    }

    /// R-EL-01: only outpatient services are in scope of the answer, said in `scope`.
    struct Inquiry: Content {
        var covered: Bool
        var message: String
        var scope: String
        var nationalCode: String?
        var foreignId: String?
        var coverTo: String?
        var insurer: String?
        var plan: String?
        var relation: String?
        var relationLabel: String?
        var insuranceNumber: String?

        init(_ person: PersonIdentifier, _ finding: EntitlementStore.Finding) {
            let answer = finding.answer
            covered = answer.covered
            message = answer.message
            scope = "outpatient"
            if person.isForeign { foreignId = person.key } else { nationalCode = person.key }
            coverTo = answer.coverTo?.description
            insurer = finding.insurer
            plan = answer.plan
            relation = answer.relation?.rawValue
            relationLabel = answer.relation?.persianName
            insuranceNumber = answer.insuranceNumber
        }
    }

    @Sendable func inquiry(req: Request) async throws -> Response {
        try await ProviderDesk.inquire(try Self.person(req), req: req).fastResponse()
    }

    struct VisitView: Content {
        var hid: String
        var hidGrouped: String
        var issuedAt: Date
        var validUntil: Date
        var inquiry: Inquiry
    }

    @Sendable func issueHID(req: Request) async throws -> Response {
        let person = try Self.person(req)
        let provider = try req.principal.userID
        let today = req.bimeh.clock.today()
        let days = req.bimeh.config.hidValidDays
        let reader = req.bimeh.entitlements
        return try await req.writeAnswer(status: .created) { work in
            try await ProviderDesk.issueHID(for: person, provider: provider, today: today, validDays: days, reader: reader, in: work)
        }
    }

    struct VerificationView: Content {
        var valid: Bool
        var hid: String
        var issuedAt: Date
        var validUntil: Date
        var issuedBy: String
        var verifications: Int
    }

    @Sendable func verifyHID(req: Request) async throws -> Response {
        let person = try Self.person(req)
        let hid = try ProviderDesk.hid(req.parameters.get("hid"))
        let verifier = try req.principal.userID
        let days = req.bimeh.config.hidValidDays
        return try await req.writeAnswer { work in
            try await ProviderDesk.verifyHID(hid, person: person, verifier: verifier, validDays: days, in: work)
        }
    }

    /// The path's national code or foreign ID; 422 in Persian when it is neither.
    static func person(_ req: Request) throws -> PersonIdentifier {
        try ProviderDesk.person(req.parameters.get("nationalCode"))
    }
}
