import Foundation
import InsuranceKit

/// Entering a proposal (R-P-01, R-P-02) as both doors do: priced for today's sale, numbered and
/// stored in one transaction. A proposal page hands in the inputs it built from its form.
enum EnterProposal {
    static func run(_ request: QuoteDesk.Request, principal: Principal, products: ProductBook, today: JalaliDate,
                    write: @Sendable (@escaping @Sendable (UnitOfWork) async throws -> Quote) async throws -> Quote) async throws -> Quote {
        let priced = try DomainErrorMapping.validating { try QuoteDesk.price(request, principal: principal, products: products, purchaseDay: today) }
        return try await write { work in try await QuoteDesk.create(request, priced: priced, principal: principal, in: work) }
    }
}
