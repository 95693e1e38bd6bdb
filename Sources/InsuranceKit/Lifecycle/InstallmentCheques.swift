/// R-P-03 (seed 002, «به ازای هر قسط چک»): in an installment plan each cheque pays one line of
/// the schedule — the down payment is line 1 — and is recorded against it.
public enum InstallmentCheques: Sendable {
    /// The schedule line (1-based) a cheque of `amount` pays: `requested` when given, else the
    /// first line no live cheque holds (`taken`: lines with a held, pending or collected payment).
    /// Throws "unknown-installment" (field "installment") for a line the schedule lacks,
    /// "installment-already-paid" when a live cheque holds the line, "installments-covered" when
    /// every line is held, "amount-not-installment" (field "amount") for another amount.
    public static func line(requested: Int?, amount: Rial, schedule: [Rial], taken: Set<Int>) throws -> Int {
        let line: Int
        if let requested {
            // compared before subtracting: any Int may come from a request
            guard requested >= 1, requested <= schedule.count else {
                throw DomainError(code: "unknown-installment",
                                  message: "قسط شمارهٔ \(Normalize.persianDigits(String(requested))) در جدول اقساط این بیمه‌نامه نیست.",
                                  field: "installment")
            }
            guard !taken.contains(requested) else {
                throw DomainError(code: "installment-already-paid",
                                  message: "برای قسط شمارهٔ \(Normalize.persianDigits(String(requested))) پیش‌تر چک ثبت شده است.",
                                  field: "installment")
            }
            line = requested
        } else {
            guard let free = (1...max(1, schedule.count)).first(where: { !taken.contains($0) }), free <= schedule.count else {
                throw DomainError(code: "installments-covered", message: "برای همهٔ اقساط این بیمه‌نامه چک ثبت شده است.",
                                  field: "installment")
            }
            line = free
        }
        let due = schedule[line - 1]
        guard amount == due else {
            throw DomainError(code: "amount-not-installment",
                              message: "مبلغ چک باید برابر قسط شمارهٔ \(Normalize.persianDigits(String(line))) باشد: \(due.persianFormatted) ریال.",
                              field: "amount")
        }
        return line
    }

    /// R-P-03: an installment's cheque is due no later than the installment itself (an earlier
    /// date only means earlier money); "cheque-due-after-installment" otherwise.
    public static func checkDueDate(_ chequeDue: JalaliDate, installment: Int, due: JalaliDate) throws {
        guard chequeDue <= due else {
            throw DomainError(code: "cheque-due-after-installment",
                              message: "سررسید چک (\(chequeDue.persianDescription)) از سررسید قسط شمارهٔ \(Normalize.persianDigits(String(installment))) (\(due.persianDescription)) دیرتر است.",
                              field: "cheque.dueDate")
        }
    }
}
