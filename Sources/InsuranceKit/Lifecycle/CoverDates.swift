/// R-G-04: cover is never sold or issued for days already gone.
public enum CoverDates: Sendable {
    /// R-TP-03: a line sold on the purchase day runs from that day (cover from 00:00 of the next);
    /// its start is not chosen: "start-fixed" (field "startDate") for any other day.
    public static func checkPurchaseDayStart(_ term: PolicyTerm, purchasedOn today: JalaliDate) throws {
        guard term.start == today else {
            throw DomainError(code: "start-fixed",
                              message: "این بیمه‌نامه از روز خرید (\(today.persianDescription)) شروع می‌شود و پوشش آن از ساعت ۰۰:۰۰ روز بعد است؛ تاریخ شروع را نمی‌توان تغییر داد.",
                              field: "startDate")
        }
    }

    /// R-P-09: how many days before its end a policy may be renewed, unless configured.
    public static let defaultRenewalWindowDays = 30

    /// The first day a policy ending on `end` may be renewed.
    public static func renewalOpens(end: JalaliDate, windowDays: Int) -> JalaliDate {
        end.adding(days: -max(0, windowDays))
    }

    /// R-P-09: renewal opens `windowDays` before the end, not earlier: "renewal-too-early".
    public static func checkRenewable(end: JalaliDate, today: JalaliDate, windowDays: Int) throws {
        let opens = renewalOpens(end: end, windowDays: windowDays)
        guard today >= opens else {
            throw DomainError(code: "renewal-too-early",
                              message: "تمدید از \(Normalize.persianDigits(String(max(0, windowDays)))) روز پیش از پایان بیمه‌نامه ممکن است: از \(opens.persianDescription) (پایان: \(end.persianDescription)).",
                              field: nil)
        }
    }

    /// A policy starts on its registration day or later: "start-in-past" (field "startDate").
    public static func checkStart(_ term: PolicyTerm, registeredOn today: JalaliDate) throws {
        guard term.start >= today else {
            throw DomainError(code: "start-in-past",
                              message: "شروع بیمه‌نامه نمی‌تواند پیش از روز ثبت آن (\(today.persianLongDescription)) باشد؛ پوشش گذشته فروخته نمی‌شود.",
                              field: "startDate")
        }
    }

    /// A policy whose end day has passed is not issued (cover runs to 24:00 of the end day, so
    /// the end day itself still may): "policy-ended".
    public static func checkIssuable(end: JalaliDate, today: JalaliDate) throws {
        guard today <= end else {
            throw DomainError(code: "policy-ended",
                              message: "مدت این بیمه‌نامه در \(end.persianLongDescription) به پایان رسیده است و صادر نمی‌شود؛ پیشنهاد تازه ثبت کنید.")
        }
    }
}

/// R-P-05: a cheque is money on its due date, not before.
public enum ChequeRules: Sendable {
    /// "cheque-not-due" for a post-dated cheque asked to be collected early.
    public static func checkCollectable(due: JalaliDate, today: JalaliDate) throws {
        guard due <= today else {
            throw DomainError(code: "cheque-not-due", message: "سررسید این چک \(due.persianLongDescription) است و پیش از آن وصول نمی‌شود.")
        }
    }
}
