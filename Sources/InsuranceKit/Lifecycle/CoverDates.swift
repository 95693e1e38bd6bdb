/// R-G-04: cover is never sold or issued for days already gone.
public enum CoverDates: Sendable {
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
