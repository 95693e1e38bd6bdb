import Fluent
import InsuranceKit
import Vapor

/// The issuance expert's and the agent's computer proposal form: computer items in rows, priced
/// on submit, then the generic quote page.
struct ComputerProposalPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let selling = routes.grouped(RequireRole(QuotePages.sellers, web: true))
        selling.get(.newQuote, use: newForm)
        selling.post(.quotes, use: create)
    }

    typealias ItemRow = QuotePages.ItemRow

    struct ProposalForm: Content {
        var nationalCode: String?
        var date: String?
        var items: [ItemRow]?
        var competitiveDiscountPercent: String?
        var franchisePercent: String?
    }

    struct FormContext: Encodable {
        var chrome: PageChrome
        var form: ProposalForm
        var rows: [ItemRow]
        var moreRowsHref: String
        var errors: [String]
        var canDiscount: Bool
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let count = max(5, min(req.query[Int.self, at: "rows"] ?? 5, 200))
        var form = ProposalForm(date: req.bimeh.clock.today().description)
        if let code = req.query[String.self, at: "nationalCode"] { form.nationalCode = String(code.prefix(20)) }
        return try await renderForm(req, form: form, rows: count, errors: [], status: .ok)
    }

    private func renderForm(_ req: Request, form: ProposalForm, rows: Int, errors: [String], status: HTTPResponseStatus) async throws -> Response {
        var items = form.items ?? []
        while items.count < rows { items.append(ItemRow()) }
        let principal = try req.principal
        let context = FormContext(chrome: PageChrome(req, title: "پیشنهاد بیمهٔ رایانه"), form: form, rows: items,
                                  moreRowsHref: "\(WebPath.newQuote)?rows=\(items.count + 10)", errors: errors,
                                  canDiscount: QuoteDesk.discountAuthority.contains(principal.role))
        return try await req.page("quotes/new", context, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = (try? req.content.decode(ProposalForm.self)) ?? ProposalForm()
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
        let request = QuoteDesk.Request(product: ComputerInsurance().code.rawValue, customerID: customerID, date: date,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        let products = req.bimeh.products, today = req.bimeh.clock.today()
        do {
            let priced = try DomainErrorMapping.validating { try QuoteDesk.price(request, principal: principal, products: products, purchaseDay: today) }
            let quote = try await req.write { work in try await QuoteDesk.create(request, priced: priced, principal: principal, in: work) }
            return req.redirect(to: WebPath.quote(try quote.requireID()))
        } catch let error as AppError {
            let messages = error.errors.isEmpty ? [error.detail] : error.errors.map { "\($0.message) (\($0.field))" }
            return try await renderForm(req, form: form, rows: form.items?.count ?? 5, errors: messages, status: .unprocessableEntity)
        }
    }
}
