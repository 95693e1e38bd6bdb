import Fluent
import InsuranceKit
import Vapor

/// The printable quote with the form that registers the policy. Each product's proposal form
/// lives with the product.
struct QuotePages: RouteCollection {
    static let sellers: Set<Role> = [.issuer, .agent]

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(Self.sellers, web: true)).post(.quotePolicy(.key), use: register)
        routes.grouped(RequireRole(PolicyAccess.readers, web: true)).get(.quote(.key), use: show)
    }

    struct ItemRow: Content {
        var description: String?
        var serial: String?
        var value: String?
    }

    /// A computer of the attached list, as shown and printed.
    struct DisplayItem: Encodable {
        var description: String
        var serial: String
        var value: Int64
    }

    static func displayItems(_ inputs: String) -> [DisplayItem] {
        let object = (try? JSONSerialization.jsonObject(with: Data(inputs.utf8)) as? [String: Any]) ?? [:]
        return ((object["items"] as? [[String: Any]]) ?? []).map {
            DisplayItem(description: $0["description"] as? String ?? "", serial: $0["serial"] as? String ?? "",
                        value: ($0["value"] as? NSNumber)?.int64Value ?? 0)
        }
    }

    struct LineRow: Encodable {
        var label: String
        var rule: String
        var amount: Int64
    }

    struct ShowContext: Encodable {
        var chrome: PageChrome
        var quote: QuoteView
        var lines: [LineRow]
        var items: [DisplayItem]
        var perils: [String]
        var customerName: String
        var canRegister: Bool
        var registerAction: String
        var startDate: String
        var endDate: String
        var errors: [PageError]
        var policyHref: String?
        /// R-G-09: the brokers a sale may go through (empty: direct or agency only).
        var brokers: [BrokerOption] = []
        /// R-TP-03: the term runs from the purchase day; the dates are shown, not chosen.
        var startFixed = false
        /// The product's own papers of the quote.
        var documents: [ProductSection.Link] = []
    }

    struct BrokerOption: Encodable {
        var id: String
        var name: String
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let quote = try await PolicyAccess.quote(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db) else {
            throw AppError.notFound("استعلام")
        }
        return try await renderQuote(req, quote, errors: [], status: .ok)
    }

    private func renderQuote(_ req: Request, _ quote: Quote, errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.principal
        let customer = try await quote.$customer.get(on: req.db)
        let items = Self.displayItems(quote.inputs)
        let product = try req.bimeh.products.line(quote.product)
        // a line sold on the day of purchase runs from today (cover from 00:00 of the next day, R-TP-03)
        let start = product.termStartsOnPurchaseDay ? req.bimeh.clock.today() : req.bimeh.clock.today().adding(days: 1)
        let policy = try await Policy.query(on: req.db).filter(\.$quote.$id == quote.requireID()).first()
        let context = ShowContext(
            chrome: PageChrome(req, title: "استعلام \(quote.proposalNumber)"), quote: try QuoteView(quote),
            lines: try QuoteDesk.lines(of: quote).map { LineRow(label: $0.label, rule: $0.rule, amount: $0.amount.amount) },
            items: items, perils: product.coveredPerils, customerName: customer?.displayName ?? "",
            canRegister: quote.status == .quoted && Self.sellers.contains(principal.role) && customer != nil,
            registerAction: WebPath.quotePolicy(try quote.requireID()),
            startDate: start.description, endDate: start.addingYears(1).description, errors: errors,
            policyHref: try policy.map { WebPath.policy(try $0.requireID()) },
            brokers: try await Broker.query(on: req.db).sort(\.$name).all().map { BrokerOption(id: try $0.requireID().uuidString, name: $0.name) })
        var shown = context
        shown.startFixed = product.termStartsOnPurchaseDay
        shown.documents = try req.bimeh.products.hooks(quote.product).quoteLinks(quote)
        return try await req.page("quotes/show", shown, status: status)
    }

    struct RegisterForm: Content {
        var startDate: String?
        var endDate: String?
        var plan: String?
        var downPayment: String?
        var count: String?
        var brokerId: String?
    }

    @Sendable func register(req: Request) async throws -> Response {
        let principal = try req.principal
        guard let quote = try await PolicyAccess.quote(req.parameters.get("id", as: UUID.self), for: principal, on: req.db),
              let customerID = quote.$customer.id else { throw AppError.notFound("استعلام") }
        let form = (try? req.content.decode(RegisterForm.self)) ?? RegisterForm()
        var reader = FieldReader()
        let start = reader.date(form.startDate, "startDate"), end = reader.date(form.endDate, "endDate")
        let body = PaymentPlanBody(plan: form.plan, downPayment: FormInput.integer(form.downPayment),
                                   count: FormInput.integer(form.count).flatMap { Int(exactly: $0) })
        let plan = body.read(into: &reader)
        let brokerID = form.brokerId.flatMap { $0.isEmpty ? nil : reader.id($0, "brokerId", code: "unknown-broker") }
        do {
            try reader.throwIfAny()
            guard let start, let end, let plan else { throw AppError.malformedJSON }
            let term: PolicyTerm
            do { term = try PolicyTerm(from: start, to: end) } catch let e as DomainError { throw AppError.validation(e, field: "endDate") }
            let policy = try await req.write { work in
                try await PolicyRegistration.register(.init(quoteID: try quote.requireID(), customerID: customerID, term: term, plan: plan, brokerID: brokerID),
                                                            principal: principal, in: work)
            }
            return req.redirect(to: WebPath.policy(try policy.requireID()))
        } catch let error as AppError {
            return try await renderQuote(req, quote, errors: PageError.list(error), status: error.status)
        }
    }
}
