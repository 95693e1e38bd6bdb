import Fluent
import Foundation
import InsuranceKit
import Vapor

/// What every proposal form asks first: the policyholder by national code (or legal ID), and the
/// proposal's date; each problem as a field error of the page.
enum ProposalCustomer {
    static func read(code raw: String?, date rawDate: String?, principal: Principal, on db: any Database)
        async throws -> (customerID: UUID?, date: JalaliDate?, errors: [PageError]) {
        var errors: [PageError] = []
        var customerID: UUID?
        let code = Normalize.identifier(raw ?? "")
        if code.isEmpty {
            errors.append(PageError(code: "required", field: "nationalCode", message: "کد ملی یا شناسهٔ ملی بیمه‌گذار را وارد کنید."))
        } else if let customer = try await CustomerRegistry.find(identifier: code, for: principal, on: db) {
            customerID = customer.id
        } else {
            errors.append(PageError(code: "unknown-customer", field: "nationalCode",
                                    message: "مشتری با کد «\(code)» ثبت نشده است؛ اول او را از صفحهٔ «ثبت مشتری» ثبت کنید."))
        }
        var date: JalaliDate?
        do { date = try JalaliDate(parsing: rawDate ?? "") } catch let e as DomainError {
            errors.append(PageError(code: e.code, field: "date", message: "تاریخ پیشنهاد: \(e.message)"))
        }
        return (customerID, date, errors)
    }
}

extension EnterProposal {
    /// A proposal page's door: the inputs the form built, as API.md's JSON, priced and stored,
    /// then the quote page; a user-facing refusal goes back to the form through `refused`.
    static func fromPage(_ req: Request, product: String, customerID: UUID?, date: JalaliDate, inputs: [String: Any], principal: Principal,
                         refused: (AppError) async throws -> Response) async throws -> Response {
        let request = QuoteDesk.Request(product: product, customerID: customerID, date: date,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        do {
            let quote = try await run(request, principal: principal, products: req.bimeh.products, today: req.bimeh.clock.today(),
                                      write: { body in try await req.write(body) })
            return req.redirect(to: WebPath.quote(try quote.requireID()))
        } catch let error as AppError where error.status.code < 500 {
            return try await refused(error)
        }
    }
}
