import Fluent
import InsuranceKit
import Vapor

/// The issuance expert's and the agent's proposal form: computer items in rows, priced on submit,
/// then the printable quote with the form that registers the policy.
struct QuotePages: RouteCollection {
    static let sellers: Set<Role> = [.issuer, .agent]

    func boot(routes: any RoutesBuilder) throws {
        let quotes = routes.grouped("quotes")
        let selling = quotes.grouped(RequireRole(Self.sellers, web: true))
        selling.get("new", use: newForm)
        selling.post(use: create)
        selling.post(":id", "policy", use: register)
        quotes.grouped(RequireRole(PolicyAccess.readers, web: true)).get(":id", use: show)
    }

    struct ItemRow: Content {
        var description: String?
        var serial: String?
        var value: String?
    }

    struct QuoteForm: Content {
        var nationalCode: String?
        var date: String?
        var items: [ItemRow]?
        var competitiveDiscountPercent: String?
        var franchisePercent: String?
    }

    struct FormContext: Encodable {
        var chrome: PageChrome
        var form: QuoteForm
        var rows: [ItemRow]
        var moreRowsHref: String
        var errors: [String]
        var canDiscount: Bool
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let count = max(5, min(req.query[Int.self, at: "rows"] ?? 5, 200))
        var form = QuoteForm(date: req.bimeh.clock.today().description)
        if let code = req.query[String.self, at: "nationalCode"] { form.nationalCode = String(code.prefix(20)) }
        return try await renderForm(req, form: form, rows: count, errors: [], status: .ok)
    }

    private func renderForm(_ req: Request, form: QuoteForm, rows: Int, errors: [String], status: HTTPResponseStatus) async throws -> Response {
        var items = form.items ?? []
        while items.count < rows { items.append(ItemRow()) }
        let principal = try req.principal
        let context = FormContext(chrome: PageChrome(req, title: "پیشنهاد بیمهٔ رایانه"), form: form, rows: items,
                                  moreRowsHref: "\(WebPath.newQuote)?rows=\(items.count + 10)", errors: errors,
                                  canDiscount: QuoteDesk.discountAuthority.contains(principal.role))
        return try await req.page("quotes/new", context, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = (try? req.content.decode(QuoteForm.self)) ?? QuoteForm()
        let principal = try req.principal
        var errors: [String] = []
        var customerID: UUID?
        let code = Normalize.identifier(form.nationalCode ?? "")
        if code.isEmpty {
            errors.append("کد ملی یا شناسهٔ مشتری را وارد کنید (مشتری تازه را اول از صفحهٔ «ثبت مشتری» ثبت کنید).")
        } else if let customer = try await CustomerRegistry.find(identifier: code, for: principal, on: req.db) {
            customerID = customer.id
        } else {
            errors.append("مشتری با کد «\(code)» ثبت نشده است؛ اول او را از صفحهٔ «ثبت مشتری» ثبت کنید.")
        }
        var date: JalaliDate?
        do { date = try JalaliDate(parsing: form.date ?? "") } catch let e as DomainError { errors.append("تاریخ پیشنهاد: \(e.message)") }
        var items: [[String: Any]] = []
        for (index, row) in (form.items ?? []).enumerated() {
            let description = Normalize.text(row.description ?? ""), serial = Normalize.text(row.serial ?? "")
            let rawValue = Normalize.text(row.value ?? "")
            if description.isEmpty && serial.isEmpty && rawValue.isEmpty { continue }
            var item: [String: Any] = ["description": description]
            if !serial.isEmpty { item["serial"] = serial }
            if let value = FormInput.integer(rawValue) { item["value"] = value } else {
                errors.append("ردیف \(Normalize.persianDigits(String(index + 1))): ارزش رایانه را به ریال وارد کنید.")
            }
            items.append(item)
        }
        if items.isEmpty { errors.append("دست‌کم یک رایانه با شرح و ارزش وارد کنید.") }
        var inputs: [String: Any] = ["items": items]
        for (key, raw) in [("competitiveDiscountPercent", form.competitiveDiscountPercent), ("franchisePercent", form.franchisePercent)] {
            let text = Normalize.digits(raw ?? "").replacingOccurrences(of: "٫", with: ".").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let number = Decimal(string: text) { inputs[key] = NSDecimalNumber(decimal: number) } else { errors.append("درصد «\(text)» عدد نیست.") }
        }
        guard errors.isEmpty, let date else {
            return try await renderForm(req, form: form, rows: form.items?.count ?? 5, errors: errors, status: .unprocessableEntity)
        }
        let request = QuoteDesk.Request(product: "computer", customerID: customerID, date: date,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        let products = req.bimeh.products, today = req.bimeh.clock.today()
        do {
            let priced = try QuoteController.translate { try QuoteDesk.price(request, principal: principal, products: products, purchaseDay: today) }
            let quote = try await req.write { work in try await QuoteDesk.create(request, priced: priced, principal: principal, in: work) }
            return req.redirect(to: WebPath.quote(try quote.requireID()))
        } catch let error as AppError {
            let messages = error.errors.isEmpty ? [error.detail] : error.errors.map { "\($0.message) (\($0.field))" }
            return try await renderForm(req, form: form, rows: form.items?.count ?? 5, errors: messages, status: .unprocessableEntity)
        }
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
        var errors: [String]
        var policyHref: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let quote = try await PolicyAccess.quote(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db) else {
            throw AppError.notFound("استعلام")
        }
        return try await renderQuote(req, quote, errors: [], status: .ok)
    }

    private func renderQuote(_ req: Request, _ quote: Quote, errors: [String], status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.principal
        let customer = try await quote.$customer.get(on: req.db)
        let items = Self.displayItems(quote.inputs)
        let product = try req.bimeh.products.line(quote.product)
        // a line sold on the day of purchase runs from today (cover from 00:00 of the next day, R-TP-03)
        let start = product.termStartsOnPurchaseDay ? req.bimeh.clock.today() : req.bimeh.clock.today().adding(days: 1)
        let policy = try await Policy.query(on: req.db).filter(\.$quote.$id == quote.requireID()).first()
        let context = ShowContext(
            chrome: PageChrome(req, title: "استعلام \(quote.proposalNumber)"), quote: QuoteView(quote),
            lines: QuoteDesk.lines(of: quote).map { LineRow(label: $0.label, rule: $0.rule, amount: $0.amount.amount) },
            items: items, perils: product.coveredPerils, customerName: customer?.displayName ?? "",
            canRegister: quote.status == .quoted && Self.sellers.contains(principal.role) && customer != nil,
            registerAction: WebPath.quote(try quote.requireID()) + "/policy",
            startDate: start.description, endDate: start.addingYears(1).description, errors: errors,
            policyHref: try policy.map { WebPath.policy(try $0.requireID()) })
        return try await req.page("quotes/show", context, status: status)
    }

    struct RegisterForm: Content {
        var startDate: String?
        var endDate: String?
        var plan: String?
        var downPayment: String?
        var count: String?
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
        do {
            try reader.throwIfAny()
            guard let start, let end, let plan else { throw AppError.malformedJSON }
            let term: PolicyTerm
            do { term = try PolicyTerm(from: start, to: end) } catch let e as DomainError { throw AppError.validation(e, field: "endDate") }
            let policy = try await req.write { work in
                try await PolicyRegistration.register(.init(quoteID: try quote.requireID(), customerID: customerID, term: term, plan: plan), principal: principal, in: work)
            }
            return req.redirect(to: WebPath.policy(try policy.requireID()))
        } catch let error as AppError {
            return try await renderQuote(req, quote, errors: error.errors.isEmpty ? [error.detail] : error.errors.map(\.message), status: error.status)
        }
    }
}
