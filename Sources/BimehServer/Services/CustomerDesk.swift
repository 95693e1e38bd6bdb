import Fluent
import Foundation
import InsuranceKit

/// The audited edit of a customer's details: one command for the API and the customer file.
enum CustomerDesk {
    /// Who may edit: those who may register customers (an agent only its agency's, via `find`).
    static let editors: Set<Role> = [.issuer, .agent]

    /// Validates, saves through Fluent (the row's seal follows) and audits before/after.
    /// Nothing is stored when a field is wrong.
    @discardableResult
    static func edit(_ id: UUID, input: EditCustomer.Input, principal: Principal, in work: UnitOfWork) async throws -> Customer {
        let customer = try await CustomerRegistry.find(id, for: principal, on: work.db)
        let change = try EditCustomer.change(input, kind: customer.kind)
        let before = CustomerSnapshot(customer)
        for (field, value) in change.values {
            switch field {
            case "fatherName": customer.fatherName = value
            case "sex": customer.sex = value
            case "address": customer.address = value
            case "postalCode": customer.postalCode = value
            case "iban": customer.iban = value
            case "mobile": customer.mobile = value
            case "economicCode": customer.economicCode = value
            case "signatory": customer.signatory = value
            default: continue
            }
        }
        guard customer.hasChanges else { return customer }
        try await customer.save(on: work.db)
        try await work.audit("customer.updated", entity: "customer", id: id.uuidString, before: before, after: CustomerSnapshot(customer))
        return customer
    }
}
