import Fluent
import Foundation
import InsuranceKit

/// Entering a proposal and pricing it (R-P-01, R-P-02): the proposal takes its number in the
/// secretariat register and the product computes the frozen breakdown.
enum QuoteDesk {
    struct Request: Sendable {
        var product: String
        var customerID: UUID?
        var date: JalaliDate
        var inputs: Data
    }

    /// Roles that may grant a manual (competitive) discount (R-G-10).
    static let discountAuthority: Set<Role> = [.issuer, .head]

    /// Prices a request. `purchaseDay` is today for a sale (a proposal or a price check), so
    /// that a product priced on the day of purchase can refuse other days; nil when re-pricing.
    static func price(_ request: Request, principal: Principal, products: ProductBook, purchaseDay: JalaliDate?) throws -> ProductQuote {
        let product = try products.line(request.product)
        let context = QuoteContext(date: request.date, manualDiscountAuthority: discountAuthority.contains(principal.role),
                                   purchaseDay: purchaseDay)
        return try product.quote(inputs: request.inputs, context: context)
    }

    static func create(_ request: Request, priced: ProductQuote, principal: Principal, in work: UnitOfWork) async throws -> Quote {
        if let customerID = request.customerID {
            _ = try await customer(customerID, for: principal, on: work.db)
        }
        let today = JalaliDate(date: work.now)
        let proposal = try await work.nextNumber(.secretariat, year: today.year)
        let quote = Quote()
        quote.product = priced.product
        quote.status = .quoted
        quote.quoteDate = request.date.description
        quote.proposalNumber = "\(today.year)/\(proposal)"
        quote.inputs = String(decoding: priced.normalizedInputs, as: UTF8.self)
        quote.lines = try Self.json(priced.lines)
        quote.total = priced.total.amount
        quote.sumInsured = priced.sumInsured.amount
        quote.franchisePercent = priced.franchisePercent?.description
        quote.tariffYear = priced.tariffYear
        quote.$customer.id = request.customerID
        quote.$agency.id = principal.agencyID
        quote.$createdBy.id = principal.userID
        try await quote.create(on: work.db)
        try await work.audit("quote.created", entity: "quote", id: try quote.requireID().uuidString,
                             after: ["product": quote.product.rawValue, "total": String(quote.total), "proposal": quote.proposalNumber])
        return quote
    }

    /// A customer referenced from a body: unknown and out-of-scope look the same (422).
    static func customer(_ id: UUID, for principal: Principal, on db: any Database) async throws -> Customer {
        do {
            return try await CustomerRegistry.find(id, for: principal, on: db)
        } catch {
            throw AppError.validation([FieldError(field: "customerId", code: "unknown-customer", message: "مشتری با این شناسه پیدا نشد.")])
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }

    static func lines(of quote: Quote) throws -> [QuoteLine] {
        try StoredJSON.decode([QuoteLine].self, from: quote.lines, what: "quote.lines")
    }
}
