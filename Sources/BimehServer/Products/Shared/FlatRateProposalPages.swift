import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The proposal form of a line priced as sum insured × the year's rate (employer's liability,
/// contractors' all risk): the customer, the sum insured, a description, the franchise and the
/// line's own fields; priced on submit, then the generic quote page.
struct FlatRateProposalPages: RouteCollection {
    /// One of the line's own inputs beyond the shared ones.
    struct Field: Sendable {
        enum Kind: Sendable { case text, rials, count }
        var name: String
        var label: String
        var kind: Kind
    }

    let product: ProductCode
    let title: String
    /// The path below `/quotes/` (`employers-liability`).
    let slug: String
    let descriptionLabel: String
    let fields: [Field]

    var url: SiteURL { .product(["quotes", .literal(slug)]) }
    var path: String { url.path }

    func boot(routes: any RoutesBuilder) throws {
        let selling = routes.grouped(RequireRole(QuotePages.sellers, web: true))
        selling.get(url, use: form)
        selling.post(url, use: create)
    }

    struct FieldValue: Encodable {
        var name: String
        var label: String
        var value: String
        var numeric: Bool
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var title: String
        var action: String
        var nationalCode: String
        var date: String
        var sumInsured: String
        var descriptionLabel: String
        var description: String
        var franchisePercent: String
        var fields: [FieldValue]
        var errors: [PageError]
    }

    private func render(_ req: Request, values: [String: String], errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
        let context = Context(
            chrome: PageChrome(req, title: title), title: title, action: path, nationalCode: values["nationalCode"] ?? "",
            date: values["date"] ?? req.bimeh.clock.today().description, sumInsured: values["sumInsured"] ?? "",
            descriptionLabel: descriptionLabel, description: values["description"] ?? "", franchisePercent: values["franchisePercent"] ?? "",
            fields: fields.map { FieldValue(name: $0.name, label: $0.label, value: values[$0.name] ?? "", numeric: $0.kind != .text) },
            errors: errors)
        return try await req.page("quotes/flat-rate", context, status: status)
    }

    @Sendable func form(req: Request) async throws -> Response {
        var values: [String: String] = [:]
        if let code = req.query[String.self, at: "nationalCode"] { values["nationalCode"] = String(code.prefix(20)) }
        return try await render(req, values: values, errors: [], status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let values = ((try? req.content.decode([String: String].self)) ?? [:]).mapValues { Normalize.text($0) }
        let principal = try req.principal
        let (customerID, date, errors) = try await ProposalCustomer.read(code: values["nationalCode"], date: values["date"], principal: principal, on: req.db)
        // the inputs as API.md's JSON: numbers where the line expects numbers, typed text left for the rules to refuse
        var inputs: [String: Any] = [:]
        func put(_ name: String, _ kind: Field.Kind) {
            let raw = values[name] ?? ""
            guard !raw.isEmpty else { return }
            switch kind {
            case .text: inputs[name] = raw
            case .rials, .count: inputs[name] = FormInput.amountJSON(raw)
            }
        }
        put("sumInsured", .rials)
        put("description", .text)
        if let franchise = values["franchisePercent"], !franchise.isEmpty { inputs["franchisePercent"] = FormInput.percentJSON(franchise) }
        for field in fields { put(field.name, field.kind) }
        guard errors.isEmpty, let date else { return try await render(req, values: values, errors: errors, status: .unprocessableEntity) }
        return try await EnterProposal.fromPage(req, product: product.rawValue, customerID: customerID, date: date,
                                                inputs: inputs, principal: principal) { error in
            try await render(req, values: values, errors: PageError.list(error), status: error.status)
        }
    }
}
