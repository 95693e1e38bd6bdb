import Fluent
import Foundation
import InsuranceKit

/// R-GL-02: the plan letter's answer. The customer agrees (the quote is registered through the
/// generic registration), negotiates (the issuer prices a new request letter), or finally
/// refuses: the file is voided — the quote can no longer be registered — once, audited.
enum GroupLifePlanDesk {
    /// A group-life quote visible to `principal`; 404 otherwise, 422 for another product's quote.
    static func quote(_ id: UUID?, for principal: Principal, on db: any Database) async throws -> Quote {
        guard let quote = try await PolicyAccess.quote(id, for: principal, on: db) else { throw AppError.notFound("استعلام") }
        guard quote.product == GroupLife().code else {
            throw AppError.validation([FieldError(field: "id", code: "not-a-group-life-quote", message: "این استعلام برای بیمهٔ عمر گروهی نیست.")])
        }
        return quote
    }

    /// The customer's final refusal: `file-already-voided` when voided before, `quote-already-used`
    /// once the contract was registered from it.
    static func refuse(quoteID: UUID?, reason raw: String?, principal: Principal, in work: UnitOfWork) async throws -> Quote {
        var reader = FieldReader()
        let reason = reader.text(raw, "reason", max: 500)
        try reader.throwIfAny()
        let quote = try await quote(quoteID, for: principal, on: work.db)
        switch quote.status {
        case .declined:
            throw AppError(.conflict, code: "file-already-voided", detail: "این پرونده پیش‌تر با انصراف بیمه‌گذار باطل شده است.")
        case .used:
            throw AppError(.conflict, code: "quote-already-used", detail: "قرارداد این طرح پیش‌تر ثبت شده است؛ پرونده دیگر باطل نمی‌شود.")
        case .quoted:
            break
        }
        quote.status = .declined
        try await quote.save(on: work.db)
        try await work.audit("group-life.file-voided", entity: "quote", id: try quote.requireID().uuidString,
                             before: ["status": Quote.Status.quoted.rawValue],
                             after: ["status": Quote.Status.declined.rawValue, "reason": reason ?? "", "proposal": quote.proposalNumber])
        return quote
    }
}
