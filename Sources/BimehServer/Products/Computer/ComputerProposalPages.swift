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
        /// «ردیف‌های بیشتر» without the script: the form comes back with what was typed and more rows.
        var _more: String?
    }

    struct FormContext: Encodable {
        var chrome: PageChrome
        var form: ProposalForm
        var rows: [ItemRow]
        var moreRowsHref: String
        var errors: [PageError]
        var canDiscount: Bool
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let count = max(5, min(req.query[Int.self, at: "rows"] ?? 5, 200))
        var form = ProposalForm(date: req.bimeh.clock.today().description)
        if let code = req.query[String.self, at: "nationalCode"] { form.nationalCode = String(code.prefix(20)) }
        return try await renderForm(req, form: form, rows: count, errors: [], status: .ok)
    }

    private func renderForm(_ req: Request, form: ProposalForm, rows: Int, errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
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
        if form._more != nil {
            let rows = min((form.items?.count ?? 5) + 10, 200)
            return try await renderForm(req, form: form, rows: rows, errors: [], status: .ok)
        }
        var errors: [PageError] = []
        var customerID: UUID?
        let code = Normalize.identifier(form.nationalCode ?? "")
        if code.isEmpty {
            errors.append(PageError(code: "required", field: "nationalCode",
                                    message: "کد ملی یا شناسهٔ مشتری را وارد کنید (مشتری تازه را اول از صفحهٔ «ثبت مشتری» ثبت کنید)."))
        } else if let customer = try await CustomerRegistry.find(identifier: code, for: principal, on: req.db) {
            customerID = customer.id
        } else {
            errors.append(PageError(code: "unknown-customer", field: "nationalCode",
                                    message: "مشتری با کد «\(code)» ثبت نشده است؛ اول او را از صفحهٔ «ثبت مشتری» ثبت کنید."))
        }
        var reader = FieldReader()
        let date = reader.date(form.date, "date")
        errors += reader.errors.map { PageError(code: $0.code, field: $0.field, message: $0.message) }
        // the rows as API.md's JSON: a value that is not a whole number is sent as typed, for the product to refuse
        var items: [[String: Any]] = []
        var formRow: [Int] = []  // the form's row of each sent item: empty rows are skipped
        for (index, row) in (form.items ?? []).enumerated() {
            let description = Normalize.text(row.description ?? ""), serial = Normalize.text(row.serial ?? "")
            let rawValue = Normalize.text(row.value ?? "")
            if description.isEmpty && serial.isEmpty && rawValue.isEmpty { continue }
            var item: [String: Any] = ["description": description]
            if !serial.isEmpty { item["serial"] = serial }
            if !rawValue.isEmpty { item["value"] = FormInput.amountJSON(rawValue) }
            items.append(item)
            formRow.append(index)
        }
        var inputs: [String: Any] = ["items": items]
        for (key, raw) in [("competitiveDiscountPercent", form.competitiveDiscountPercent), ("franchisePercent", form.franchisePercent)] {
            let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            inputs[key] = FormInput.percentJSON(text)
        }
        let rows = form.items?.count ?? 5
        guard errors.isEmpty, let date else { return try await renderForm(req, form: form, rows: rows, errors: errors, status: .unprocessableEntity) }
        return try await EnterProposal.fromPage(req, product: ComputerInsurance().code.rawValue, customerID: customerID, date: date,
                                                inputs: inputs, principal: principal) { error in
            try await renderForm(req, form: form, rows: rows, errors: PageError.list(error).map { ItemRows.onForm($0, rows: formRow) }, status: error.status)
        }
    }
}
