/// Health claims (R-CL-02, R-SH-04…08). Direct claims at contracted centers and reimbursement
/// files are not opened yet: no claim case is offered, so the claim desk refuses a health notice
/// with "unsupported-claim-case" rather than settling it by another product's rules.
extension SupplementaryHealth {
    public var claimRules: ClaimRules {
        ClaimRules(product: code, noticeDays: claimNoticeDays, noticeFrom: .loss, lateNoticePolicy: .reject,
                   paymentOrderCopies: PaymentOrderCopies.liability, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                   requiresNotarizedCertificateWhenPolicyholderCollects: false)
    }

    public var claimCases: [CaseChecklist] { [] }
}
