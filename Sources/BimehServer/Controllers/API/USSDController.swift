import InsuranceKit
import Vapor

/// The USSD gateway's callback (R-EL-03, R-EL-06): `*1*1420*4#` answers covered / not covered for
/// a national code or foreign ID, `*99*1420*4#` issues a credit code to the calling phone. The
/// gateway posts `sessionId`, `phoneNumber`, `serviceCode` and `text` (form or JSON) and shows our
/// plain-text `CON …` (ask more) or `END …` (final) answer.
struct USSDController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.ussd), use: callback)
    }

    struct Callback: Content, StrictRequestBody {
        static let fields: Set<String> = ["sessionId", "phoneNumber", "serviceCode", "text"]
        var sessionId: String?
        var phoneNumber: String?
        var serviceCode: String?
        var text: String?

        /// The documented shape: phone and service code present, every field within its length.
        /// A body outside it is refused (422) instead of being cut to fit.
        func checked() throws -> Callback {
            var reader = FieldReader()
            _ = reader.text(sessionId, "sessionId", max: 128, required: false)
            _ = reader.text(phoneNumber, "phoneNumber", max: 32)
            _ = reader.text(serviceCode, "serviceCode", max: 64)
            _ = reader.text(text, "text", max: 256, required: false)
            try reader.throwIfAny()
            return self
        }
    }

    @Sendable func callback(req: Request) async throws -> Response {
        if let key = req.bimeh.config.ussdGatewayKey {
            guard Secrets.constantTimeEquals(req.headers.first(name: "X-Gateway-Key") ?? "", key) else { throw AppError.forbidden }
        }
        let input = try (req.headers.contentType == .json ? req.decodeStrict(Callback.self) : req.content.decode(Callback.self)).checked()
        let phone = input.phoneNumber ?? ""
        guard req.bimeh.limiters.perPhone.allow(phone, now: req.bimeh.clock.now().timeIntervalSince1970) else {
            return Self.reply(USSDMenu.end(PublicLimiters.refused.detail))
        }
        let step = USSDMenu.step(serviceCode: input.serviceCode ?? "", text: input.text ?? "")
        switch step {
        case .prompt(let text):
            return Self.reply(USSDMenu.con(text))
        case .end(let text):
            return Self.reply(USSDMenu.end(text))
        case .inquire(let person):
            let finding = try await req.eligibility(of: person)
            return Self.reply(USSDMenu.end(finding.answer.message))
        case .issueCreditCode:
            guard let mobile = try? MobileNumber(phone) else {
                return Self.reply(USSDMenu.end("کد اعتباری فقط برای شمارهٔ همراه صادر می‌شود."))
            }
            let quota = req.bimeh.config.creditCodeQuota
            let issued = try await req.write { work in
                try await CreditCodeDesk.issue(to: mobile, channel: .ussd, quota: quota, in: work)
            }
            return Self.reply(USSDMenu.end("کد اعتباری شما: \(issued.code.value)\nسهمیه: \(issued.quota) استعلام"))
        }
    }

    static func reply(_ text: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        return response
    }
}
