import Fluent
import Foundation
import InsuranceKit

/// Renewal (R-P-09): a new quote and a new registered policy for the next term, from the old
/// policy's inputs in force; the old policy stays as it was.
enum RenewalDesk {
    static func renew(_ policyID: UUID, plan: PaymentPlan, windowDays: Int, principal: Principal, in work: UnitOfWork) async throws -> Policy {
        let old = try await PolicyAccess.policy(policyID, for: principal, on: work.db)
        try PolicyAccess.allow(.renew, on: old, for: principal)
        do {
            try CoverDates.checkRenewable(end: try JalaliDate(parsing: old.endDate), today: JalaliDate(date: work.now), windowDays: windowDays)
        } catch let error as DomainError {
            throw AppError.conflict(error.code, error.message)
        }
        let renewedFrom = try await Policy.query(on: work.db).filter(\.$renewalOf.$id == policyID).count()
        guard renewedFrom == 0 else { throw AppError.conflict("already-renewed", "این بیمه‌نامه پیش‌تر تمدید شده است.") }
        let next = try await work.products.hooks(old.product).renewal(of: old, today: JalaliDate(date: work.now), on: work.db)
        let start = next.start
        let term = try PolicyTerm(from: start, to: start.addingYears(1))
        let request = QuoteDesk.Request(product: old.product.rawValue, customerID: old.$customer.id, date: start, inputs: next.inputs)
        let priced = try DomainErrorMapping.validating { try QuoteDesk.price(request, principal: principal, products: work.products, purchaseDay: nil) }
        let quote = try await QuoteDesk.create(request, priced: priced, principal: principal, in: work)
        // the renewal stays with the agency that sold the policy, whoever renews it
        quote.$agency.id = old.$agency.id
        try await quote.save(on: work.db)
        let policy = try await PolicyRegistration.register(
            .init(quoteID: try quote.requireID(), customerID: old.$customer.id, term: term, plan: plan, brokerID: old.brokerID),
            principal: principal, in: work, renewalOf: policyID)
        try await work.products.hooks(old.product).renewed(policy, from: old, in: work)
        try await work.audit("policy.renewed", entity: "policy", id: policyID.uuidString, after: ["renewal": try policy.requireID().uuidString])
        return policy
    }
}
