/// Per-product claim parameters (R-CL-02, R-CL-03, R-CL-10, R-CL-11).
public struct ClaimRules: Codable, Sendable, Hashable {
    /// The API product code.
    public let product: ProductCode
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

    public init(product: ProductCode, noticeDays: Int, lateNoticePolicy: LateNoticePolicy, paymentOrderCopies: [String],
                expertFeeOrderCopies: [String], requiresNotarizedCertificateWhenPolicyholderCollects: Bool) {
        self.product = product
        self.noticeDays = noticeDays
        self.lateNoticePolicy = lateNoticePolicy
        self.paymentOrderCopies = paymentOrderCopies
        self.expertFeeOrderCopies = expertFeeOrderCopies
        self.requiresNotarizedCertificateWhenPolicyholderCollects = requiresNotarizedCertificateWhenPolicyholderCollects
    }

    /// The claim rules of a product; "unknown-product" (field "product") for any other code.
    public static func rules(forProduct code: String, in catalog: ProductCatalog = .standard) throws -> ClaimRules {
        try catalog.product(code).claimRules
    }

    /// R-CL-02: the notice check for this product's deadline.
    public func checkNotice(lossDate: JalaliDate, noticeDate: JalaliDate) throws -> NoticeCheck {
        try NoticeDeadline.check(lossDate: lossDate, noticeDate: noticeDate, noticeDays: noticeDays)
    }
}
