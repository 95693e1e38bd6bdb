import InsuranceKit
import Vapor

/// The public inquiry, version 2 (R-EL-02, API.md): a credit code by SMS, then inquiries that each
/// spend one unit of its quota. The answer says covered or not and nothing more about the person.
struct PublicEligibilityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.publicCreditCodes), use: requestCode)
        routes.post(.api(.publicEligibility), use: inquiry)
    }

    struct CodeRequest: StrictRequestBody {
        static let fields: Set<String> = ["mobile"]
        var mobile: String?
    }

    struct CodeSent: Content {
        var status: String
        var mobile: String
        var quota: Int
        var message: String
    }

    @Sendable func requestCode(req: Request) async throws -> Response {
        try Self.limitByIP(req)
        let body = try req.decodeStrict(CodeRequest.self)
        let sent = try await Self.sendCode(to: body.mobile ?? "", req: req)
        return try await sent.encodeResponse(status: .accepted, for: req)
    }

    /// Shared by the API and the public page: checks the number and its limit, issues, sends.
    static func sendCode(to raw: String, req: Request) async throws -> CodeSent {
        let mobile: MobileNumber
        do { mobile = try MobileNumber(raw) } catch let error as DomainError { throw AppError.validation(error, field: "mobile") }
        guard req.bimeh.limiters.perMobile.allow(mobile.value, now: req.bimeh.clock.now().timeIntervalSince1970) else { throw PublicLimiters.refused }
        let quota = req.bimeh.config.creditCodeQuota
        let issued = try await req.write { work in
            try await CreditCodeDesk.issue(to: mobile, channel: .sms, quota: quota, in: work)
        }
        try await req.bimeh.sms.send(to: mobile, text: Self.smsText(issued))
        return CodeSent(status: "sent", mobile: CreditCodeDesk.masked(mobile.value), quota: issued.quota,
                        message: "کد اعتباری به شمارهٔ همراه شما پیامک شد.")
    }

    static func smsText(_ issued: CreditCodeDesk.Issued) -> String {
        "کد اعتباری استعلام پوشش بیمه: \(issued.code.value) — سهمیه: \(issued.quota) استعلام."
    }

    struct InquiryRequest: StrictRequestBody {
        static let fields: Set<String> = ["creditCode", "nationalCode", "foreignId"]
        var creditCode: String?
        var nationalCode: String?
        var foreignId: String?
    }

    struct Answer: Content {
        var covered: Bool
        var message: String
        var remainingQuota: Int
        var mobile: String
    }

    @Sendable func inquiry(req: Request) async throws -> Answer {
        try Self.limitByIP(req)
        let body = try req.decodeStrict(InquiryRequest.self)
        return try await Self.answer(creditCode: body.creditCode, nationalCode: body.nationalCode, foreignId: body.foreignId, req: req)
    }

    /// Shared by the API and the public page. Input is checked before the quota is touched, so a
    /// mistyped code costs nothing.
    static func answer(creditCode: String?, nationalCode: String?, foreignId: String?, req: Request) async throws -> Answer {
        var reader = FieldReader()
        var code: CreditCode?
        do { code = try CreditCode(parsing: creditCode ?? "") } catch let error as DomainError { reader.add("creditCode", error.code, error.message) }
        var person: PersonIdentifier?
        let given = [nationalCode, foreignId].compactMap { $0?.isEmpty == false ? $0 : nil }
        if given.count != 1 {
            reader.add("nationalCode", "required", "کد ملی یا شناسهٔ اتباع (فقط یکی) را وارد کنید.")
        } else {
            let field = nationalCode?.isEmpty == false ? "nationalCode" : "foreignId"
            do { person = try PersonIdentifier(given[0]) } catch let error as DomainError { reader.add(field, error.code, error.message) }
        }
        try reader.throwIfAny()
        guard let code, let person else { throw AppError.malformedJSON }
        let today = req.bimeh.clock.today()
        let entitlements = req.bimeh.entitlements
        return try await req.write { work in
            let spent = try await CreditCodeDesk.spend(code, for: person, in: work)
            let finding = try await EntitlementStore.inquire(person, on: today, reader: entitlements, db: work.db)
            return Answer(covered: finding.answer.covered, message: finding.answer.message, remainingQuota: spent.remaining,
                          mobile: CreditCodeDesk.masked(spent.mobile))
        }
    }

    static func limitByIP(_ req: Request) throws {
        guard req.bimeh.limiters.perIP.allow(req.remoteAddress?.ipAddress ?? "unknown", now: req.bimeh.clock.now().timeIntervalSince1970) else { throw PublicLimiters.refused }
    }
}
