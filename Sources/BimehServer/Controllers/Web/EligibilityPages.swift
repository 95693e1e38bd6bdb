import InsuranceKit
import Vapor

/// The public "am I covered?" page (R-EL-01/02/04): get a credit code by SMS, then ask by national
/// code or foreign ID, typed or scanned from the booklet's barcode. No sign-in; the forms carry a
/// double-submit CSRF cookie, and the same rate limits and quota rules as the API apply.
struct EligibilityPages: RouteCollection {
    static let csrfCookie = "bimeh_public_csrf"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.eligibility, use: page)
        routes.post(.eligibility, use: ask)
        routes.post(.eligibilityCreditCode, use: requestCode)
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var csrf: String
        var mobile = ""
        var creditCode = ""
        var person = ""
        var sent: String?
        var answer: PublicEligibilityController.Answer?
        var error: String?
        var fieldErrors: [String: String] = [:]
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req, Context(chrome: Self.chrome(req), csrf: ""))
    }

    struct CodeForm: Content {
        var mobile: String?
        var _csrf: String?
    }

    @Sendable func requestCode(req: Request) async throws -> Response {
        let form = (try? req.content.decode(CodeForm.self)) ?? CodeForm()
        var context = Context(chrome: Self.chrome(req), csrf: "", mobile: String((form.mobile ?? "").prefix(20)))
        guard Self.csrfMatches(req, form._csrf) else { return try await expired(req, context) }
        do {
            try PublicEligibilityController.limitByIP(req)
            let sent = try await PublicEligibilityController.sendCode(to: form.mobile ?? "", req: req)
            context.sent = Normalize.persianDigits("کد اعتباری با سهمیهٔ \(sent.quota) استعلام به شمارهٔ \(sent.mobile) پیامک شد.")
            return try await render(req, context)
        } catch let error as AppError {
            return try await render(req, Self.withError(context, error), status: error.status)
        }
    }

    struct AskForm: Content {
        var creditCode: String?
        var person: String?
        var _csrf: String?
    }

    @Sendable func ask(req: Request) async throws -> Response {
        let form = (try? req.content.decode(AskForm.self)) ?? AskForm()
        var context = Context(chrome: Self.chrome(req), csrf: "", creditCode: String((form.creditCode ?? "").prefix(20)),
                              person: String((form.person ?? "").prefix(20)))
        guard Self.csrfMatches(req, form._csrf) else { return try await expired(req, context) }
        do {
            try PublicEligibilityController.limitByIP(req)
            context.answer = try await PublicEligibilityController.answer(creditCode: form.creditCode, nationalCode: form.person,
                                                                          foreignId: nil, req: req)
            return try await render(req, context)
        } catch let error as AppError {
            // The page has one field for either identifier.
            var context = Self.withError(context, error)
            if let message = context.fieldErrors.removeValue(forKey: "nationalCode") { context.fieldErrors["person"] = message }
            return try await render(req, context, status: error.status)
        }
    }

    private static func chrome(_ req: Request) -> PageChrome {
        var chrome = PageChrome(req, title: "استعلام پوشش بیمهٔ درمان")
        chrome.script = WebPath.eligibilityScript
        return chrome
    }

    private static func withError(_ context: Context, _ error: AppError) -> Context {
        var context = context
        if error.errors.isEmpty { context.error = error.detail }
        for field in error.errors { context.fieldErrors[field.field] = field.message }
        return context
    }

    private static func csrfMatches(_ req: Request, _ sent: String?) -> Bool {
        let cookie = req.cookies[csrfCookie]?.string ?? ""
        return !cookie.isEmpty && Secrets.constantTimeEquals(cookie, sent ?? "")
    }

    private func expired(_ req: Request, _ context: Context) async throws -> Response {
        var context = context
        context.error = "فرم منقضی شده است؛ صفحه را دوباره باز کنید و بفرستید."
        return try await render(req, context, status: .forbidden)
    }

    /// Every rendering gets a fresh CSRF pair.
    private func render(_ req: Request, _ context: Context, status: HTTPResponseStatus = .ok) async throws -> Response {
        var context = context
        context.csrf = Secrets.random()
        let response = try await req.page("eligibility", context, status: status)
        response.cookies[Self.csrfCookie] = HTTPCookies.Value(
            string: context.csrf, path: WebPath.eligibility, isSecure: req.bimeh.config.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }
}
