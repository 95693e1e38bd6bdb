import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The provider's desk in Persian: inquire a person's cover by national code, issue the HID of a
/// visit, verify an HID, and the products' own provider pages (e.g. a direct claim). Each form runs
/// the same command as its API route (ProviderDesk); a problem is shown beside its field.
struct ProviderPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let providers = routes.grouped(RequireRole([.provider], web: true))
        providers.get(.provider, use: show)
        providers.post(.providerAction(.inquiry), use: inquiry)
        providers.post(.providerAction(.visit), use: visit)
        providers.post(.providerAction(.verification), use: verification)
    }

    struct Answer: Encodable {
        var covered: Bool
        var message: String
        var nationalCode: String
        var coverTo: String
        var insurer: String
        var plan: String
        var relation: String
        var insuranceNumber: String

        init(_ inquiry: ProviderDesk.Inquiry) {
            covered = inquiry.covered
            message = inquiry.message
            nationalCode = inquiry.nationalCode ?? inquiry.foreignId ?? ""
            coverTo = inquiry.coverTo ?? ""
            insurer = inquiry.insurer ?? ""
            plan = inquiry.plan ?? ""
            relation = inquiry.relationLabel ?? ""
            insuranceNumber = inquiry.insuranceNumber ?? ""
        }
    }

    struct Visit: Encodable {
        var hid: String
        var validUntil: String
        var answer: Answer
    }

    struct Verified: Encodable {
        var hid: String
        var issuedAt: String
        var validUntil: String
        var verifications: Int
    }

    struct Link: Encodable {
        var label: String
        var href: String
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var inquiryAction = SiteURL.providerAction(.inquiry).path
        var visitAction = SiteURL.providerAction(.visit).path
        var verificationAction = SiteURL.providerAction(.verification).path
        /// What the sent form typed, by form then field, to show again beside an error.
        var typed: [String: [String: String]] = [:]
        /// Each problem beside its field, by form then field (`form` for one of no field).
        var errors: [String: [String: String]] = [:]
        var answer: Answer?
        var visit: Visit?
        var verified: Verified?
        var pages: [Link] = []
    }

    /// `1405/01/10 ساعت ۱۴:۳۰` on Tehran's wall clock.
    static func stamp(_ date: Date) -> String {
        let zone = JalaliDate.tehranTimeZone
        let seconds = (Int(date.timeIntervalSince1970) + zone.secondsFromGMT(for: date)) % 86_400
        let time = String(format: "%02d:%02d", (seconds / 3600 + 24) % 24, (seconds % 3600) / 60)
        return "\(JalaliDate(date: date).description) ساعت \(time)"
    }

    private func render(_ req: Request, _ update: (inout Context) -> Void, status: HTTPResponseStatus = .ok) async throws -> Response {
        var context = Context(chrome: PageChrome(req, title: "میز ارائه‌دهنده"))
        context.pages = req.bimeh.products.providerPages.map { Link(label: $0.label, href: $0.path) }
        update(&context)
        return try await req.page("provider", context, status: status)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req) { _ in }
    }

    private func values(_ req: Request) -> [String: String] {
        ((try? req.content.decode([String: String].self)) ?? [:]).filter { $0.key != "_csrf" }.mapValues { Normalize.text($0) }
    }

    /// Runs one form's command; a user's error comes back beside the form's field.
    private func run(_ req: Request, form: String, _ body: ([String: String]) async throws -> (inout Context) -> Void) async throws -> Response {
        let values = values(req)
        do {
            let update = try await body(values)
            return try await render(req, update)
        } catch let error as AppError where error.status.code < 500 {
            var errors: [String: String] = [:]
            for e in PageError.list(error) {
                let field = ["nationalCode", "hid"].contains(e.field) ? e.field : "form"
                if errors[field] == nil { errors[field] = e.message }
            }
            return try await render(req, { c in
                c.typed = [form: values]
                c.errors = [form: errors]
            }, status: error.status)
        }
    }

    @Sendable func inquiry(req: Request) async throws -> Response {
        try await run(req, form: "inquiry") { values in
            let answer = Answer(try await ProviderDesk.inquire(try ProviderDesk.person(Normalize.identifier(values["nationalCode"] ?? "")), req: req))
            return { $0.answer = answer }
        }
    }

    @Sendable func visit(req: Request) async throws -> Response {
        try await run(req, form: "visit") { values in
            let person = try ProviderDesk.person(Normalize.identifier(values["nationalCode"] ?? ""))
            let provider = try req.principal.userID
            let today = req.bimeh.clock.today()
            let days = req.bimeh.config.hidValidDays
            let reader = req.bimeh.entitlements
            let view = try await req.write { work in
                try await ProviderDesk.issueHID(for: person, provider: provider, today: today, validDays: days, reader: reader, in: work)
            }
            let visit = Visit(hid: view.hidGrouped, validUntil: Self.stamp(view.validUntil), answer: Answer(view.inquiry))
            return { $0.visit = visit }
        }
    }

    @Sendable func verification(req: Request) async throws -> Response {
        try await run(req, form: "verification") { values in
            let person = try ProviderDesk.person(Normalize.identifier(values["nationalCode"] ?? ""))
            let hid = try ProviderDesk.hid(values["hid"])
            let verifier = try req.principal.userID
            let days = req.bimeh.config.hidValidDays
            let view = try await req.write { work in
                try await ProviderDesk.verifyHID(hid, person: person, verifier: verifier, validDays: days, in: work)
            }
            let verified = Verified(hid: (try? HealthID(parsing: view.hid).grouped) ?? view.hid, issuedAt: Self.stamp(view.issuedAt),
                                    validUntil: Self.stamp(view.validUntil), verifications: view.verifications)
            return { $0.verified = verified }
        }
    }
}
