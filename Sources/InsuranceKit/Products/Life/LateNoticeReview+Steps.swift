/// R-CL-03 (seed 004): who records each step of the late-notice form, and how a page names it.
extension LateNoticeReview.Stage {
    /// CHOSEN: claim files are the claims department's alone, so the claims expert keys in the
    /// figures issuance wrote on the returned form; the head of claims records the commission's
    /// decision and HQ's answer. Nil once the form is decided.
    public var actor: Role? {
        switch self {
        case .awaitingIssuance: .claims
        case .awaitingCommission, .awaitingHeadquarters: .head
        case .approved, .rejected: nil
        }
    }

    public var title: String {
        switch self {
        case .awaitingIssuance: "در انتظار ارقام صدور"
        case .awaitingCommission: "در انتظار تصمیم کمیسیون"
        case .awaitingHeadquarters: "در انتظار تأیید ستاد اشخاص"
        case .approved: "پذیرفته شد"
        case .rejected: "پذیرفته نشد"
        }
    }
}

extension LateNoticeReview {
    /// A review as far as its stored steps go, replayed through the same checks.
    public static func replay(deathDate: JalaliDate, noticeDate: JalaliDate, figures: IssuanceFigures?,
                              commission: (approve: Bool, agreedAmount: Rial?, reason: String)?,
                              headquarters: (approve: Bool, reason: String)?) throws -> LateNoticeReview {
        var review = LateNoticeReview(deathDate: deathDate, noticeDate: noticeDate)
        if let figures { try review.addIssuanceFigures(figures) }
        if let commission { try review.commission(approve: commission.approve, agreedAmount: commission.agreedAmount, reason: commission.reason) }
        if let headquarters { try review.headquarters(approve: headquarters.approve, reason: headquarters.reason) }
        return review
    }
}
