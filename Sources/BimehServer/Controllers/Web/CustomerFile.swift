import Fluent
import InsuranceKit
import Vapor

/// The customer's file on their page: their policies, claims and payments, each linked, and
/// only what the reader may see (an agent its agency's policies; claims for claims staff only).
struct CustomerFile: Encodable {
    struct PolicyRow: Encodable {
        var href: String
        var number: String
        var product: String
        var startDate: String
        var endDate: String
        var premium: Int64
        var status: String
    }

    struct ClaimRow: Encodable {
        var href: String
        var number: String
        var policyNumber: String
        var lossDate: String
        var status: String
    }

    struct PaymentRow: Encodable {
        var href: String
        var policyNumber: String
        var method: String
        var amount: Int64
        var paidOn: String
        var status: String
    }

    var policies: [PolicyRow] = []
    var claims: [ClaimRow] = []
    var payments: [PaymentRow] = []
    var showsClaims = false

    static func load(_ customerID: UUID, for principal: Principal, today: JalaliDate, products: ProductBook,
                     on db: any Database) async throws -> CustomerFile {
        var file = CustomerFile()
        guard PolicyAccess.readers.contains(principal.role) else { return file }
        let query = Policy.query(on: db).filter(\.$customer.$id == customerID).sort(\.$createdAt, .descending)
        if principal.role == .agent {
            guard let agencyID = principal.agencyID else { return file }
            query.filter(\.$agency.$id == agencyID)
        }
        let policies = try await query.all()
        var numbers: [UUID: String] = [:]
        for p in policies {
            let id = try p.requireID()
            numbers[id] = p.printedNumber ?? "—"
            file.policies.append(PolicyRow(href: WebPath.policy(id), number: p.printedNumber ?? "—",
                                           product: (try? products.line(p.product).title) ?? p.product.rawValue,
                                           startDate: p.startDate, endDate: p.endDate, premium: p.premium,
                                           status: PolicyAccess.standing(of: p, on: today).title))
        }
        let ids = Array(numbers.keys)
        guard !ids.isEmpty else { return file }
        file.payments = try await Payment.query(on: db).filter(\.$policy.$id ~~ ids).sort(\.$paidOn, .descending).all().map { p in
            let id = try p.requireID()
            return PaymentRow(href: p.method == .cheque ? WebPath.receipt(id) : WebPath.bankSlip(id),
                       policyNumber: numbers[p.$policy.id] ?? "—",
                       method: p.method == .cheque ? "چک \(p.chequeNumber ?? "")" : "فیش بانکی",
                       amount: p.amount, paidOn: p.paidOn, status: PolicyPages.paymentStatusTitle(p.status))
        }
        if ClaimAccess.staff.contains(principal.role) {
            file.showsClaims = true
            file.claims = try await Claim.query(on: db).filter(\.$policy.$id ~~ ids).sort(\.$createdAt, .descending).all().map { c in
                ClaimRow(href: WebPath.claim(try c.requireID()), number: "\(c.fileYear)/\(c.fileNumber)",
                         policyNumber: numbers[c.$policy.id] ?? "—", lossDate: c.lossDate, status: c.status.title)
            }
        }
        return file
    }
}
