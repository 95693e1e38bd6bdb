import Fluent
import Foundation
import InsuranceKit

/// R-P-10, R-RP-02: writes the statistics entry of a change inside the change's own unit of work,
/// so an entry exists exactly when its change committed. The generic desks call it (issue,
/// endorsement, cancellation, payment order); product, family and department come from the
/// catalog, so a new product is reported without changes here.
enum StatisticsStore {
    /// The company row of `?by=company`.
    static let companyGroup = "کل شرکت"

    /// The policy and the proposal it was issued from (R-P-01).
    static func policyIssued(_ policy: Policy, in work: UnitOfWork) async throws {
        let number = policy.printedNumber ?? ""
        var documents = ["بیمه‌نامهٔ \(number)"]
        if let quote = try await Quote.find(policy.$quote.id, on: work.db) { documents.append("پیشنهاد \(quote.proposalNumber)") }
        try await record(.policy, policy: policy, amount: policy.premium, effective: try JalaliDate(parsing: policy.startDate),
                         document: documents[0], documents: documents,
                         source: ("policy", try policy.requireID()), in: work)
    }

    /// An endorsement once issued (a refund at once, an additional premium once paid).
    static func endorsementIssued(_ endorsement: Endorsement, policy: Policy, in work: UnitOfWork) async throws {
        let number = policy.printedNumber ?? ""
        var documents = ["الحاقیهٔ \(endorsement.number) بیمه‌نامهٔ \(number)", "بیمه‌نامهٔ \(number)"]
        if let orderID = endorsement.$paymentOrder.id, let order = try await PaymentOrder.find(orderID, on: work.db) {
            documents.append("حوالهٔ پرداخت \(order.printedNumber)")
        }
        try await record(.endorsement, policy: policy, amount: endorsement.premiumDelta, effective: try JalaliDate(parsing: endorsement.effectiveDate),
                         document: documents[0], documents: documents, source: ("endorsement", try endorsement.requireID()), in: work)
    }

    /// A cancellation changes the premium from what was charged to what the insurer retains.
    static func policyCancelled(_ policy: Policy, record cancellation: CancellationDesk.Record, chargedBefore: Rial, in work: UnitOfWork) async throws {
        guard policy.number != nil else { return }  // never issued: never entered
        let number = policy.printedNumber ?? ""
        var documents = ["فسخ بیمه‌نامهٔ \(number)", "بیمه‌نامهٔ \(number)"]
        if let order = cancellation.paymentOrderNumber { documents.append("حوالهٔ پرداخت \(order)") }
        let change = try cancellation.outcome.retained.subtracting(chargedBefore)
        try await record(.cancellation, policy: policy, amount: change.amount, effective: cancellation.outcome.effectiveDate,
                         document: documents[0], documents: documents, source: ("policy-cancellation", try policy.requireID()), in: work)
    }

    /// A claim's payment order (R-CL-10), in the month it is ordered.
    static func claimPaymentOrdered(_ order: PaymentOrder, in work: UnitOfWork) async throws {
        guard let claimID = order.$claim.id, let claim = try await Claim.find(claimID, on: work.db) else { return }
        let policy = try await claim.$policy.get(on: work.db)
        let documents = ["حوالهٔ پرداخت \(order.printedNumber)", "پروندهٔ خسارت \(claim.printedFileNumber)", "بیمه‌نامهٔ \(policy.printedNumber ?? "")"]
        try await record(.claimPayment, policy: policy, amount: order.amount, effective: try JalaliDate(parsing: order.orderDate),
                         document: documents[0], documents: documents, source: ("payment-order", try order.requireID()), in: work)
    }

    /// The last closed month, nil before the first close.
    static func lastClosed(on db: any Database) async throws -> ReportMonth? {
        guard let close = try await MonthClose.query(on: db).sort(\.$month, .descending).first() else { return nil }
        return try ReportMonth(key: close.month)
    }

    /// Who sold the policy, as the reports group it: department from the product's family, the
    /// agency (or the channel of a sale without one) and its complex.
    struct Seller: Sendable {
        var family: ProductFamily
        var department: String
        var agency: String
        var agencyCode: String?
        var complexCode: String
    }

    static func seller(of policy: Policy, products: ProductBook, on db: any Database) async throws -> Seller {
        let family = (try? products.line(policy.product).family) ?? .life
        var agency = policy.channel == .direct ? "فروش مستقیم" : policy.channel.title
        var agencyCode: String?
        var complexCode: String?
        if let agencyID = policy.$agency.id, let row = try await Agency.query(on: db).filter(\.$id == agencyID).with(\.$complex).first() {
            agency = row.name
            agencyCode = row.code
            complexCode = row.complex.code
        } else if let brokerID = policy.brokerID, let broker = try await Broker.find(brokerID, on: db) {
            agency = "کارگزاری \(broker.name)"
        }
        if complexCode == nil {
            complexCode = try await Complex.query(on: db).sort(\.$code).first()?.code
        }
        return Seller(family: family, department: family.reportsDepartment, agency: agency, agencyCode: agencyCode, complexCode: complexCode ?? "")
    }

    private static func record(_ kind: StatisticsKind, policy: Policy, amount: Int64, effective: JalaliDate, document: String, documents: [String],
                               source: (entity: String, id: UUID), in work: UnitOfWork) async throws {
        let seller = try await seller(of: policy, products: work.products, on: work.db)
        let place = StatisticsPlacement.place(effect: ReportMonth(effective), lastClosed: try await lastClosed(on: work.db))
        let entry = StatisticsEntry()
        entry.month = place.month.key
        entry.effectMonth = ReportMonth(effective).key
        entry.kind = kind.rawValue
        entry.product = policy.product.rawValue
        entry.family = seller.family.rawValue
        entry.department = seller.department
        entry.agency = seller.agency
        entry.agencyCode = seller.agencyCode
        entry.complexCode = seller.complexCode
        entry.channel = policy.channel.rawValue
        entry.amount = amount
        entry.document = document
        entry.documents = try QuoteDesk.json(documents)
        entry.corrects = place.corrects?.description
        entry.sourceEntity = source.entity
        entry.sourceID = source.id
        entry.policyID = policy.id
        entry.recordedOn = JalaliDate(date: work.now).description
        try await entry.create(on: work.db)
    }
}
