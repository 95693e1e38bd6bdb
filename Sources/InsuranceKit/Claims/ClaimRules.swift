/// Per-product claim parameters (R-CL-02, R-CL-03, R-CL-10, R-CL-11).
public struct ClaimRules: Codable, Sendable, Hashable {
    /// The API product code.
    public let product: String
    /// R-CL-02: days from the loss within which the written notice must arrive; the product's
    /// `claimNoticeDays`, so the policy print and the claim check never disagree.
    public let noticeDays: Int
    /// R-CL-03.
    public let lateNoticePolicy: LateNoticePolicy
    /// R-CL-10: one Persian recipient per printed copy of the claim payment order (count = copies).
    public let paymentOrderCopies: [String]
    /// R-CL-11: one Persian recipient per copy of the independent expert's fee order (3 copies).
    public let expertFeeOrderCopies: [String]
    /// R-CL-10, seed 003: liability lines need a notarized certificate that the injured was paid
    /// when the policyholder (employer) collects the payment order.
    public let requiresNotarizedCertificateWhenPolicyholderCollects: Bool

    public init(product: String, noticeDays: Int, lateNoticePolicy: LateNoticePolicy, paymentOrderCopies: [String],
                expertFeeOrderCopies: [String], requiresNotarizedCertificateWhenPolicyholderCollects: Bool) {
        self.product = product
        self.noticeDays = noticeDays
        self.lateNoticePolicy = lateNoticePolicy
        self.paymentOrderCopies = paymentOrderCopies
        self.expertFeeOrderCopies = expertFeeOrderCopies
        self.requiresNotarizedCertificateWhenPolicyholderCollects = requiresNotarizedCertificateWhenPolicyholderCollects
    }

    /// The claim rules of a product; "unknown-product" (field "product") for any other code.
    public static func rules(forProduct code: String) throws -> ClaimRules {
        let product = try ProductCatalog.product(code)
        switch code {
        case "computer", "contractors-all-risk":
            // R-CL-03 (seeds 002/003): late notice accepted only if the insured subject is unchanged.
            return ClaimRules(
                product: code, noticeDays: product.claimNoticeDays, lateNoticePolicy: .acceptIfSubjectUnchanged,
                paymentOrderCopies: PaymentOrderCopies.engineering, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                requiresNotarizedCertificateWhenPolicyholderCollects: false)
        case "employers-liability":
            // Seed 003 allows no late filing for civil liability («بدون استثنا … حداکثر ظرف مدت ۵ روز»).
            return ClaimRules(
                product: code, noticeDays: product.claimNoticeDays, lateNoticePolicy: .reject,
                paymentOrderCopies: PaymentOrderCopies.liability, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                requiresNotarizedCertificateWhenPolicyholderCollects: true)
        case "third-party":
            // R-TP-10…12: the injured is paid (liability copies, the notarized certificate when the
            // policyholder collects); a late notice is recorded, never a reason to refuse.
            return ClaimRules(
                product: code, noticeDays: product.claimNoticeDays, lateNoticePolicy: .accept,
                paymentOrderCopies: PaymentOrderCopies.liability, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                requiresNotarizedCertificateWhenPolicyholderCollects: true)
        default:
            throw DomainError.unknownProduct
        }
    }

    /// R-CL-02: the notice check for this product's deadline.
    public func checkNotice(lossDate: JalaliDate, noticeDate: JalaliDate) throws -> NoticeCheck {
        try NoticeDeadline.check(lossDate: lossDate, noticeDate: noticeDate, noticeDays: noticeDays)
    }
}
