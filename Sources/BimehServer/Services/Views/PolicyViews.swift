import Fluent
import Foundation
import InsuranceKit
import Vapor

/// API bodies of quotes, policies and payments (API.md field names).
struct QuoteView: Content {
    var id: UUID?
    var product: String
    var status: String
    var proposalNumber: String
    var date: String
    var customerId: UUID?
    var total: Int64
    var sumInsured: Int64
    var franchisePercent: String?
    var tariffYear: Int
    var lines: [QuoteLine]

    init(_ q: Quote) throws {
        id = q.id
        product = q.product.rawValue
        status = q.status.rawValue
        proposalNumber = q.proposalNumber
        date = q.quoteDate
        customerId = q.$customer.id
        total = q.total
        sumInsured = q.sumInsured
        franchisePercent = q.franchisePercent
        tariffYear = q.tariffYear
        lines = try QuoteDesk.lines(of: q)
    }
}

struct ScheduleView: Content {
    var dueDate: String
    var amount: Int64
    var kind: String
}

struct PaymentView: Content {
    var id: UUID?
    var policyId: UUID
    var method: String
    var status: String
    var amount: Int64
    var paidOn: String
    var receiptNumber: String?
    var cheque: ChequeView?
    var endorsementId: UUID?
    /// R-P-03: the schedule line (1 = the down payment) the cheque pays, in an installment plan.
    var installment: Int?
    /// A bank slip's ten-digit payment id, and the bank's tracking number once confirmed.
    var slipId: String?
    var bankTracking: String?

    struct ChequeView: Content {
        var number: String
        var bank: String
        var dueDate: String
        var account: String?
    }

    init(_ p: Payment) {
        id = p.id
        policyId = p.$policy.id
        method = p.method.rawValue
        status = p.status.rawValue
        amount = p.amount
        paidOn = p.paidOn
        receiptNumber = p.receiptNumber
        if let number = p.chequeNumber {
            cheque = ChequeView(number: number, bank: p.chequeBank ?? "", dueDate: p.chequeDueDate ?? "", account: p.chequeAccount)
        }
        endorsementId = p.$endorsement.id
        installment = p.installment
        slipId = p.slipID
        bankTracking = p.bankTracking
    }
}

struct PaymentOrderView: Content {
    var id: UUID?
    var number: String
    var date: String
    var amount: Int64
    var payee: String
    var reason: String
    var copies: Int

    init(_ o: PaymentOrder) {
        id = o.id
        number = o.printedNumber
        date = o.orderDate
        amount = o.amount
        payee = o.payee
        reason = o.reason
        copies = o.copies
    }
}

struct EndorsementView: Content {
    var id: UUID?
    var number: Int
    var kind: String
    var status: String
    var effectiveDate: String
    var premiumDelta: Int64
    var description: String
    var paymentOrder: PaymentOrderView?
}

struct PolicyView: Content {
    var id: UUID?
    var product: String
    var number: String?
    /// registered, issued, expired (issued and past its end on `asOf`) or cancelled (R-P-01).
    var status: String
    /// Whether the policy covers a loss on `asOf` (R-G-04).
    var inForce: Bool
    var asOf: String
    var version: Int
    var customerId: UUID
    var quoteId: UUID
    var startDate: String
    var endDate: String
    var coverFrom: Date
    var coverTo: Date
    var issueDate: String?
    var premium: Int64
    var annualPremium: Int64
    /// Read from the policy account: net paid (collected less refunds paid back), in hand, paid
    /// back by refund orders, and still owed of what is charged.
    var paid: Int64
    var inHand: Int64
    var refunded: Int64
    var owed: Int64
    var sumInsured: Int64
    var franchisePercent: String?
    var plan: String
    var schedule: [ScheduleView]
    var endorsements: [EndorsementView]
    var payments: [PaymentView]
    var cancellation: CancellationDesk.Record?
    var renewalOf: UUID?
    var uniqueCode: String?
    /// R-G-09: `direct`, `agency` or `broker`, and the broker when there is one.
    var channel: String
    var brokerId: UUID?
    /// Motor lines: the vehicle's plate, as sold or as last changed by endorsement.
    var plate: String?
    /// Motor lines: the insured vehicle's details.
    var vehicle: InsuredVehicle?
    /// Health lines: the persons insured now, each with the day their cover ends.
    var insuredPersons: [InsuredPersonView]?

    static func load(_ policy: Policy, asOf: JalaliDate, products: ProductBook, on db: any Database) async throws -> PolicyView {
        let id = try policy.requireID()
        let term = try PolicyTerm(from: try JalaliDate(parsing: policy.startDate), to: try JalaliDate(parsing: policy.endDate))
        let ledger = try await PolicyLedger.load(policy, on: db)
        let schedule = try await ScheduleEntry.query(on: db).filter(\.$policy.$id == id).sort(\.$seq).all()
        let endorsements = try await Endorsement.query(on: db).filter(\.$policy.$id == id).sort(\.$number).with(\.$paymentOrder).all()
        let payments = try await Payment.query(on: db).filter(\.$policy.$id == id).sort(\.$createdAt).all()
        let cancellation = try StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation")
        let facts = products.hooks(policy.product).policyFacts(policy)
        let standing = PolicyStanding.on(asOf, stored: PolicyAccess.state(of: policy), endDate: term.end, cancellationEffective: cancellation?.outcome.effectiveDate)
        return PolicyView(
            id: id, product: policy.product.rawValue, number: policy.printedNumber, status: standing.rawValue,
            inForce: standing.inForce && term.covers(lossDate: asOf), asOf: asOf.description, version: policy.version,
            customerId: policy.$customer.id, quoteId: policy.$quote.id, startDate: policy.startDate, endDate: policy.endDate,
            coverFrom: term.coverBegins, coverTo: term.coverEnds, issueDate: policy.issueDate,
            premium: ledger.charged.amount, annualPremium: policy.annualPremium, paid: try ledger.account.netPaid().amount, inHand: ledger.inHand.amount,
            refunded: ledger.disbursed.amount, owed: max(.zero, try ledger.account.owed()).amount,
            sumInsured: policy.sumInsured, franchisePercent: policy.franchisePercent, plan: policy.plan,
            schedule: schedule.map { ScheduleView(dueDate: $0.dueDate, amount: $0.amount, kind: $0.kind) },
            endorsements: endorsements.map {
                EndorsementView(id: $0.id, number: $0.number, kind: $0.kind, status: $0.status.rawValue, effectiveDate: $0.effectiveDate,
                                premiumDelta: $0.premiumDelta, description: $0.description, paymentOrder: $0.paymentOrder.map(PaymentOrderView.init))
            },
            payments: payments.map(PaymentView.init),
            cancellation: cancellation,
            renewalOf: policy.$renewalOf.id, uniqueCode: policy.uniqueCode, channel: policy.channel.rawValue, brokerId: policy.brokerID,
            plate: facts.plate, vehicle: facts.vehicle, insuredPersons: facts.insuredPersons)
    }
}
