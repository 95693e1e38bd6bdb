/// Per-product claim parameters (R-CL-02, R-CL-03, R-CL-10, R-CL-11).
public struct ClaimRules: Codable, Sendable, Hashable {
    /// The API product code.
    public let product: ProductCode
    /// R-CL-02: days from the loss within which the written notice must arrive; the product's
    /// `claimNoticeDays`, so the policy print and the claim check never disagree.
    public let noticeDays: Int
    /// R-CL-02: the event the notice days count from.
    public let noticeFrom: NoticeStart
    /// R-CL-03.
    public let lateNoticePolicy: LateNoticePolicy
    /// R-CL-10: one Persian recipient per printed copy of the claim payment order (count = copies).
    public let paymentOrderCopies: [String]
    /// R-CL-11: one Persian recipient per copy of the independent expert's fee order (3 copies).
    public let expertFeeOrderCopies: [String]
    /// R-CL-10, seed 003: liability lines need a notarized certificate that the injured was paid
    /// when the policyholder (employer) collects the payment order.
    public let requiresNotarizedCertificateWhenPolicyholderCollects: Bool
    /// R-CL-05: the lines that inspect (engineering: computer, contractors' all risk) issue the
    /// payment order only after the department's head approved the expert's appointment order.
    public let appointmentApprovalRequired: Bool

    public init(product: ProductCode, noticeDays: Int, noticeFrom: NoticeStart = .loss, lateNoticePolicy: LateNoticePolicy,
                paymentOrderCopies: [String], expertFeeOrderCopies: [String], requiresNotarizedCertificateWhenPolicyholderCollects: Bool,
                appointmentApprovalRequired: Bool = false) {
        self.product = product
        self.noticeDays = noticeDays
        self.noticeFrom = noticeFrom
        self.lateNoticePolicy = lateNoticePolicy
        self.paymentOrderCopies = paymentOrderCopies
        self.expertFeeOrderCopies = expertFeeOrderCopies
        self.requiresNotarizedCertificateWhenPolicyholderCollects = requiresNotarizedCertificateWhenPolicyholderCollects
        self.appointmentApprovalRequired = appointmentApprovalRequired
    }

    /// R-CL-03, R-CL-10 for the engineering lines (seeds 002/003): a late notice is accepted only if
    /// the insured subject is unchanged; 7 payment-order copies; the insured collects; the expert
    /// inspects, and the payment order waits for the head's approval of the appointment (R-CL-05).
    public static func engineering(_ product: ProductCode, noticeDays: Int) -> ClaimRules {
        ClaimRules(product: product, noticeDays: noticeDays, lateNoticePolicy: .acceptIfSubjectUnchanged,
                   paymentOrderCopies: PaymentOrderCopies.engineering, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                   requiresNotarizedCertificateWhenPolicyholderCollects: false, appointmentApprovalRequired: true)
    }

    /// The claim rules of a product; "unknown-product" (field "product") for any other code.
    public static func rules(forProduct code: String, in catalog: ProductCatalog = .standard) throws -> ClaimRules {
        try catalog.product(code).claimRules
    }

    /// R-CL-02: the notice check for this product's deadline. `claimKnownDate` is the day the
    /// insured learned of a claim against them; nil means the loss date. It may not precede the
    /// loss ("claim-known-before-loss", field "claimKnownDate") nor follow the notice
    /// ("notice-before-claim-known"); lines counting from the loss only check it.
    public func checkNotice(lossDate: JalaliDate, noticeDate: JalaliDate, claimKnownDate: JalaliDate? = nil) throws -> NoticeCheck {
        let fromLoss = try NoticeDeadline.check(lossDate: lossDate, noticeDate: noticeDate, noticeDays: noticeDays)
        guard let known = claimKnownDate else { return fromLoss }
        guard known >= lossDate else {
            throw DomainError(code: "claim-known-before-loss",
                              message: "تاریخ آگاهی از ادعا نمی‌تواند پیش از تاریخ وقوع حادثه باشد.", field: "claimKnownDate")
        }
        guard known <= noticeDate else {
            throw DomainError(code: "notice-before-claim-known",
                              message: "تاریخ اعلام خسارت نمی‌تواند پیش از تاریخ آگاهی از ادعا باشد.", field: "noticeDate")
        }
        guard noticeFrom == .claimKnown else { return fromLoss }
        return try NoticeDeadline.check(lossDate: known, noticeDate: noticeDate, noticeDays: noticeDays)
    }
}

/// R-CL-02: what a product's notice days count from.
public enum NoticeStart: String, Codable, Sendable, Hashable {
    /// The loss (property and engineering lines, third party).
    case loss
    /// The day the insured learned of a claim against them (civil liability, seed 003:
    /// «به محض اطلاع از هرگونه ادعا علیه خود»).
    case claimKnown = "claim-known"
}
