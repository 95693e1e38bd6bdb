import Fluent
import Vapor
import InsuranceKit

/// R-P-08: the cancellation letter to the insured — who cancelled, from when, what the insurer keeps,
/// what is paid back (with its payment order) or still owed, amounts in figures and words.
extension PolicyPages {
    struct CancellationLetterContext: Encodable {
        var chrome: PageChrome
        var date: String
        var policyNumber: String
        var productTitle: String
        var customerName: String
        var customerCode: String
        var customerAddress: String
        var byInsurer: Bool
        var noticeDate: String
        var effectiveDate: String
        var reason: String
        var retained: Int64
        var retainedInWords: String
        var refund: Int64
        var refundInWords: String
        var owed: Int64
        var owedInWords: String
        var paymentOrderNumber: String?
    }

    @Sendable func cancellationLetter(req: Request) async throws -> Response {
        let policy = try await PolicyAccess.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        guard let record = try StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation") else {
            throw AppError.conflict("policy-not-cancelled", "این بیمه‌نامه فسخ نشده است و نامهٔ فسخ ندارد.")
        }
        let customer = try await policy.$customer.get(on: req.db)
        let outcome = record.outcome
        let context = CancellationLetterContext(
            chrome: PageChrome(req, title: "نامهٔ فسخ بیمه‌نامهٔ \(policy.printedNumber ?? "")"),
            date: req.bimeh.clock.today().description, policyNumber: policy.printedNumber ?? "",
            productTitle: try req.bimeh.products.line(policy.product).title,
            customerName: customer.displayName, customerCode: customer.identifier,
            customerAddress: PrintedDocument.address(of: customer) ?? "",
            byInsurer: record.initiatedBy == "insurer", noticeDate: record.noticeDate,
            effectiveDate: outcome.effectiveDate.description, reason: PrintedDocument.withoutRuleIDs(record.reason),
            retained: outcome.retained.amount, retainedInWords: outcome.retained.inWords,
            refund: outcome.refund.amount, refundInWords: outcome.refund.inWords,
            owed: outcome.owed.amount, owedInWords: outcome.owed.inWords,
            paymentOrderNumber: record.paymentOrderNumber)
        return try await req.page("policies/cancellation-letter", context)
    }
}
