import Fluent
import Foundation
import InsuranceKit

/// The settlement breakdown (R-CL-08) from what the file and the policy hold, and the money
/// that follows it: the payment order (R-CL-10, R-CL-12), its collection, the expert's fee (R-CL-11).
enum SettlementDesk {
    static func settlement(_ claim: Claim, products: ProductBook, on db: any Database) async throws -> Settlement {
        if let own = try await products.hooks(claim.product).settlement(claim, policy: try await claim.$policy.get(on: db), on: db) {
            return own
        }
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

    /// The notarized certificate as typed (R-CL-10): its number and date, either may be absent.
    struct CertificateInput: Sendable {
        var number: String?
        var date: JalaliDate?
        var isEmpty: Bool { number == nil && date == nil }
    }

    /// The one payment order of a file (R-CL-12): the state machine allows it once, the unique index
    /// on (claim, purpose) refuses a second even if two requests race. It needs the head's approval
    /// of the expert's appointment where the product asks for it (R-CL-05), the notarized
    /// certificate when an employer collects a liability payment (R-CL-10), and the payee's IBAN;
    /// it carries the settlement lines its amount comes from.
    static func orderPayment(_ claim: Claim, collector: Collector, certificate typed: CertificateInput, iban: Sheba,
                             principal: Principal, in work: UnitOfWork) async throws -> PaymentOrder {
        let rules = try work.products.claimRules(claim.product)
        let certificate = try readCertificate(typed, required: NotarizedCertificate.required(by: rules, collectorIsPolicyholder: collector == .policyholder),
                                              today: JalaliDate(date: work.now))
        let missing = try await ClaimWorkflow.missingDocuments(claim, products: work.products, on: work.db)
        guard missing.isEmpty else {
            throw AppError(.conflict, code: "documents-missing", detail: "تا دریافت این مدارک، تسویه ممکن نیست: " + missing.map(\.title).joined(separator: "، "))
        }
        do {
            try rules.checkAppointmentApproved(try await ClaimWorkflow.appointmentSteps(claim, on: work.db))
        } catch let error as DomainError {
            throw AppError.conflict(error.code, error.message)
        }
        let settlement = try await settlement(claim, products: work.products, on: work.db)
        guard settlement.payable > .zero else {
            throw AppError.conflict("nothing-payable", "مبلغ قابل پرداخت این پرونده صفر است؛ پرونده را بدون پرداخت مختومه کنید.")
        }
        try await ClaimAccess.move(claim, .orderPayment, in: work)
        let policy = try await claim.$policy.get(on: work.db)
        let payee = try await ClaimWorkflow.customerName(claim, on: work.db)
        let certificateText = certificate.map { "؛ گواهی محضری شمارهٔ \($0.number) مورخ \($0.date)" } ?? ""
        let order = try await PaymentOrderDesk.create(
            amount: settlement.payable, payee: collector == .injured ? "زیان‌دیده (به معرفی بیمه‌گذار \(payee))" : payee,
            reason: "خسارت پروندهٔ \(claim.printedFileNumber) بیمه‌نامهٔ \(policy.printedNumber ?? "")" + certificateText,
            policyID: try policy.requireID(), claimID: try claim.requireID(), purpose: .claim, recipients: rules.paymentOrderCopies,
            details: .init(iban: iban, collector: collector.rawValue, certificate: certificate, lines: settlement.lines),
            principal: principal, in: work)
        // what the order commits is spent where the product keeps it (health: the persons' ceilings, R-SH-06)
        try await work.products.hooks(claim.product).paymentOrdered(claim, in: work)
        return order
    }

    /// R-CL-10: when required, both the number and the date («notarized-certificate-required»); when
    /// given though not required, checked all the same; a date after today is refused.
    static func readCertificate(_ typed: CertificateInput, required: Bool, today: JalaliDate) throws -> NotarizedCertificate? {
        guard required || !typed.isEmpty else { return nil }
        var errors: [FieldError] = []
        let message = "برای پرداخت به کارفرما (بیمه‌گذار) گواهی محضری پرداخت به زیان‌دیده لازم است: شماره و تاریخ آن را وارد کنید."
        if typed.number == nil { errors.append(FieldError(field: "notarizedCertificateNumber", code: "notarized-certificate-required", message: message)) }
        if typed.date == nil { errors.append(FieldError(field: "notarizedCertificateDate", code: "notarized-certificate-required", message: message)) }
        guard errors.isEmpty, let number = typed.number, let date = typed.date else { throw AppError.validation(errors) }
        return try DomainErrorMapping.validating(defaultField: "notarizedCertificateNumber") {
            try NotarizedCertificate(number: number, date: date, today: today)
        }
    }

    /// The payment itself is accounting's: `PaymentOrderDesk.markPaid` on the claim's order moves the
    /// file to `paid` (R-CL-10, R-CL-13). The file's own route finds its claim order.
    static func claimOrder(of claimID: UUID?, on db: any Database) async throws -> PaymentOrder {
        let claimID = try await ClaimAccess.claim(claimID, on: db).requireID()
        guard let order = try await PaymentOrder.query(on: db).filter(\.$claim.$id == claimID)
            .filter(\.$purpose == PaymentOrderDesk.Purpose.claim.rawValue).first() else {
            throw AppError.conflict("no-payment-order", "حوالهٔ پرداخت این پرونده هنوز صادر نشده است.")
        }
        return order
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
