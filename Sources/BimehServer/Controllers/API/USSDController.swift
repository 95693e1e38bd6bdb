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

    struct Callback: Content {
        var sessionId: String?
        var phoneNumber: String?
        var serviceCode: String?
        var text: String?
    }

    @Sendable func callback(req: Request) async throws -> Response {
        if let key = req.bimeh.config.ussdGatewayKey {
            guard Secrets.constantTimeEquals(req.headers.first(name: "X-Gateway-Key") ?? "", key) else { throw AppError.forbidden }
        }
        let input = try req.content.decode(Callback.self)
        let phone = String((input.phoneNumber ?? "").prefix(32))
        guard req.bimeh.limiters.perPhone.allow(phone, now: req.bimeh.clock.now().timeIntervalSince1970) else {
            return Self.reply(USSDMenu.end(PublicLimiters.refused.detail))
        }
        let step = USSDMenu.step(serviceCode: String((input.serviceCode ?? "").prefix(64)), text: String((input.text ?? "").prefix(256)))
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
