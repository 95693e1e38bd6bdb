import Fluent
import Foundation
import InsuranceKit

/// The settlement breakdown (R-CL-08) from what the file and the policy hold, and the money
/// that follows it: the payment order (R-CL-10, R-CL-12), its collection, the expert's fee (R-CL-11).
enum SettlementDesk {
    static func settlement(_ claim: Claim, products: ProductBook, on db: any Database) async throws -> Settlement {
        guard let loss = claim.loss, let salvage = claim.salvage else {
            throw AppError.conflict("not-assessed", "خسارت هنوز برآورد نشده است (مبلغ خسارت و بازیافت).")
        }
        let policy = try await claim.$policy.get(on: db)
        let claimID = try claim.requireID()
        // previous payments on the same policy: other files' claim payment orders
        let previous = try await PaymentOrder.query(on: db)
            .filter(\.$policy.$id == policy.requireID()).filter(\.$purpose == PaymentOrderDesk.Purpose.claim.rawValue)
            .filter(\.$claim.$id != claimID).all()
        let franchise = try policy.franchisePercent.map { try Percent(parsing: $0) } ?? .zero
        let limit = try products.hooks(claim.product).settlementLimit(claim, policy: policy)
        let input = SettlementInput(
            loss: Rial(amount: loss), salvage: Rial(amount: salvage), premium: try NoticeDesk.decodedInquiry(claim),
            franchisePercent: franchise, cap: limit.cap,
            previousPayments: limit.countsPreviousPayments ? try Rial.sum(previous.map { Rial(amount: $0.amount) }) : .zero,
            agreedAmount: claim.agreedAmount.map { Rial(amount: $0) },
            items: try StoredJSON.decode([ClaimedItem].self, from: claim.claimedItems, what: "claim.claimedItems") ?? [])
        return try DomainErrorMapping.validating { try SettlementCalculator.settle(input) }
    }

    enum Collector: String, Sendable { case insured, injured, policyholder }

    /// The one payment order of a file (R-CL-12): the state machine allows it once, the unique index
    /// on (claim, purpose) refuses a second even if two requests race.
    static func orderPayment(_ claim: Claim, collector: Collector, notarizedCertificate: String?, principal: Principal, in work: UnitOfWork) async throws -> PaymentOrder {
        let rules = try work.products.claimRules(claim.product)
        if collector == .policyholder && rules.requiresNotarizedCertificateWhenPolicyholderCollects && (notarizedCertificate ?? "").isEmpty {
            throw AppError.validation([FieldError(field: "notarizedCertificate", code: "notarized-certificate-required",
                message: "برای پرداخت به کارفرما (بیمه‌گذار) گواهی محضری پرداخت به زیان‌دیده لازم است (R-CL-10).")])
        }
        let missing = try await ClaimWorkflow.missingDocuments(claim, products: work.products, on: work.db)
        guard missing.isEmpty else {
            throw AppError(.conflict, code: "documents-missing", detail: "تا دریافت این مدارک، تسویه ممکن نیست: " + missing.map(\.title).joined(separator: "، "))
        }
        let settlement = try await settlement(claim, products: work.products, on: work.db)
        guard settlement.payable > .zero else {
            throw AppError.conflict("nothing-payable", "مبلغ قابل پرداخت این پرونده صفر است؛ پرونده را بدون پرداخت مختومه کنید.")
        }
        try await ClaimAccess.move(claim, .orderPayment, in: work)
        let policy = try await claim.$policy.get(on: work.db)
        let payee = try await ClaimWorkflow.customerName(claim, on: work.db)
        return try await PaymentOrderDesk.create(
            amount: settlement.payable, payee: collector == .injured ? "زیان‌دیده (به معرفی بیمه‌گذار \(payee))" : payee,
            reason: "خسارت پروندهٔ \(claim.printedFileNumber) بیمه‌نامهٔ \(policy.printedNumber ?? "")" + (notarizedCertificate.map { "؛ گواهی محضری \($0)" } ?? ""),
            policyID: try policy.requireID(), claimID: try claim.requireID(), purpose: .claim, recipients: rules.paymentOrderCopies,
            principal: principal, in: work)
    }

    /// The cheque was collected against the settlement receipt (مفاصاحساب).
    static func recordPaid(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws {
        claim.paidOn = JalaliDate(date: work.now).description
        try await ClaimAccess.move(claim, .recordPayment, in: work, note: "رسید دریافت وجه / مفاصاحساب")
    }

    /// R-CL-11: after payment the claims expert sets the independent expert's fee…
    static func setExpertFee(_ claim: Claim, amount: Rial, expert: String, principal: Principal, in work: UnitOfWork) async throws {
        guard [.paid, .closed].contains(ClaimAccess.state(of: claim)) else {
            throw AppError.conflict("claim-not-paid", "حق‌الزحمهٔ کارشناس پس از پرداخت خسارت تعیین می‌شود.")
        }
        try await ClaimWorkflow.addEntry(claim, .expertFee, text: expert, amount: amount.amount, principal: principal, in: work)
    }

    /// …and the head approves it with a 3-copy fee payment order.
    static func approveExpertFee(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws -> PaymentOrder {
        let claimID = try claim.requireID()
        guard let fee = try await ClaimEntry.query(on: work.db).filter(\.$claim.$id == claimID).filter(\.$kind == .expertFee).sort(\.$createdAt, .descending).first(),
              let amount = fee.amount else {
            throw AppError.conflict("no-expert-fee", "حق‌الزحمهٔ کارشناس هنوز تعیین نشده است.")
        }
        let exists = try await PaymentOrder.query(on: work.db).filter(\.$claim.$id == claimID).filter(\.$purpose == PaymentOrderDesk.Purpose.expertFee.rawValue).count()
        guard exists == 0 else { throw AppError.conflict("fee-already-ordered", "حوالهٔ حق‌الزحمهٔ کارشناس این پرونده پیش‌تر صادر شده است.") }
        let rules = try work.products.claimRules(claim.product)
        return try await PaymentOrderDesk.create(
            amount: Rial(amount: amount), payee: fee.text, reason: "حق‌الزحمهٔ کارشناس فنی آزاد پروندهٔ \(claim.printedFileNumber)",
            policyID: claim.$policy.id, claimID: claimID, purpose: .expertFee, recipients: rules.expertFeeOrderCopies, principal: principal, in: work)
    }
}
