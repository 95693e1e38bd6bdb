/// R-CL-08: the settlement breakdown, every step a line rounded once, half away from zero
/// (R-G-02); payable = Σ lines.
///
/// 1. `loss` +loss and `salvage` −salvage (R-CL-07), always present: approved = loss − salvage.
///    With named items (R-CL-08, computer insurance), `item-cap` between them: −Σ max(0, item loss
///    − declared value), so approved = Σ min(item loss, declared value) − salvage. Omitted when
///    zero; without items the steps are exactly the others.
/// 2. `premium-proportion` (R-CL-04): kept = round(approved × paid / total), the line is
///    −(approved − kept): the payable amount is what is rounded, as the rule states it.
///    Omitted when the premium was fully paid. `notPayable` throws "premium-not-paid-before-loss".
/// 3. `franchise` (R-CL-08): −round(amount after step 2 × franchise %). Omitted when zero.
/// 4. `cap-reduction` (R-CL-08): remaining = max(0, cap − previous payments); when the amount
///    exceeds it, −(amount − remaining). Omitted otherwise.
/// 5. `agreed-adjustment` (R-CL-09): with an agreed amount, agreed − assessed payable (either
///    sign), so Σ lines = agreed. The agreed amount may exceed the assessed payable (that is what
///    a dispute is about) but never the remaining cap ("agreed-above-cap"). Omitted when zero.
public enum SettlementCalculator: Sendable {
    public static func settle(_ input: SettlementInput) throws -> Settlement {
        try validate(input)
        let excess = try itemExcess(input.items)
        let approved = try input.loss.subtracting(excess.total).subtracting(input.salvage)
        var lines = [QuoteLine(code: "loss", rule: "R-CL-07", label: "خسارت برآوردشده", amount: input.loss)]
        if !excess.total.isZero {
            let rows = excess.rows.map { Normalize.persianDigits(String($0 + 1)) }.joined(separator: "، ")
            lines.append(QuoteLine(code: "item-cap", rule: "R-CL-08",
                                   label: "کسر مازاد خسارت بر ارزش اعلام‌شدهٔ اقلام (ردیف \(rows))",
                                   amount: try excess.total.negated()))
        }
        lines.append(QuoteLine(code: "salvage", rule: "R-CL-07", label: "بازیافت", amount: try input.salvage.negated()))
        var amount = approved

        switch input.premium {
        case .notPayable(let reason):
            throw DomainError(code: "premium-not-paid-before-loss", message: reason.message, field: "premium")
        case .full:
            break
        case .proportional(let paid, let total):
            let kept = try approved.proRata(numerator: paid.amount, denominator: total.amount)
            let reduction = try kept.subtracting(approved)
            if !reduction.isZero {
                lines.append(QuoteLine(
                    code: "premium-proportion", rule: "R-CL-04",
                    label: "قاعدهٔ نسبی حق بیمه (\(paid.persianFormatted) از \(total.persianFormatted) ریال پرداخت‌شده)",
                    amount: reduction))
            }
            amount = kept
        }

        let franchise = try amount.percent(input.franchisePercent)
        if !franchise.isZero {
            lines.append(QuoteLine(code: "franchise", rule: "R-CL-08",
                                   label: "فرانشیز (\(input.franchisePercent.persianFormatted))",
                                   amount: try franchise.negated()))
            amount = try amount.subtracting(franchise)
        }

        let remaining = max(.zero, try input.cap.subtracting(input.previousPayments))
        if amount > remaining {
            lines.append(QuoteLine(
                code: "cap-reduction", rule: "R-CL-08",
                label: "کسر مازاد بر سقف تعهد (باقی‌ماندهٔ سقف \(remaining.persianFormatted) ریال)",
                amount: try remaining.subtracting(amount)))
            amount = remaining
        }

        if let agreed = input.agreedAmount {
            guard agreed <= remaining else {
                throw DomainError(code: "agreed-above-cap",
                                  message: "مبلغ توافقی از باقی‌ماندهٔ سقف تعهد (\(remaining.persianFormatted) ریال) بیشتر است.",
                                  field: "agreedAmount")
            }
            let adjustment = try agreed.subtracting(amount)
            if !adjustment.isZero {
                lines.append(QuoteLine(code: "agreed-adjustment", rule: "R-CL-09",
                                       label: "تعدیل به مبلغ توافق‌شده", amount: adjustment))
            }
            amount = agreed
        }

        let payable = try Rial.sum(lines.map(\.amount))
        guard payable == amount, !payable.isNegative else {
            // Unreachable: each step keeps Σ lines equal to the running amount, which stays ≥ 0.
            throw DomainError(code: "settlement-inconsistent", message: "محاسبهٔ خسارت ناسازگار است.")
        }
        return Settlement(lines: lines, approved: approved, payable: payable)
    }

    /// R-CL-08: Σ max(0, item loss − declared value) and the policy rows (0-based) it comes from.
    static func itemExcess(_ items: [ClaimedItem]) throws -> (total: Rial, rows: [Int]) {
        var total = Rial.zero
        var rows: [Int] = []
        for item in items where item.loss > item.declaredValue {
            total = try total.adding(try item.loss.subtracting(item.declaredValue))
            rows.append(item.index)
        }
        return (total, rows)
    }

    /// Throws the first problem, each with its field.
    static func validate(_ input: SettlementInput) throws {
        guard input.loss > .zero else {
            throw DomainError(code: "invalid-loss", message: "مبلغ خسارت باید بیشتر از صفر باشد.", field: "loss")
        }
        try validateItems(input)
        let capped = try input.loss.subtracting(try itemExcess(input.items).total)
        guard !input.salvage.isNegative, input.salvage <= capped else {
            throw DomainError(code: "invalid-salvage", message: "بازیافت باید بین صفر و مبلغ خسارت باشد.", field: "salvage")
        }
        guard !input.cap.isNegative else { throw DomainError.negativeAmount.withField("cap") }
        guard !input.previousPayments.isNegative else { throw DomainError.negativeAmount.withField("previousPayments") }
        if let agreed = input.agreedAmount, agreed.isNegative {
            throw DomainError.negativeAmount.withField("agreedAmount")
        }
        guard input.franchisePercent >= .zero, input.franchisePercent <= .hundred else {
            throw DomainError(code: "invalid-franchise", message: "فرانشیز باید بین صفر و صد درصد باشد.",
                              field: "franchisePercent")
        }
        if case .proportional(let paid, let total) = input.premium {
            guard total > .zero, !paid.isNegative, paid <= total else {
                throw DomainError(code: "invalid-premium-proportion",
                                  message: "حق بیمهٔ پرداختی باید بین صفر و کل حق بیمه و کل حق بیمه بیشتر از صفر باشد.",
                                  field: "premium")
            }
        }
    }

    /// Each item once, with a positive loss and declared value; the losses add up to `loss`.
    static func validateItems(_ input: SettlementInput) throws {
        guard !input.items.isEmpty else { return }
        var seen = Set<Int>()
        for (i, item) in input.items.enumerated() {
            guard seen.insert(item.index).inserted else { throw DomainError.duplicateItem.withField("items[\(i)]") }
            guard item.loss > .zero else {
                throw DomainError(code: "invalid-item-loss", message: "خسارت هر قلم باید بیشتر از صفر باشد.",
                                  field: "items[\(i)].loss")
            }
            guard item.declaredValue > .zero else {
                throw DomainError(code: "invalid-item-value", message: "ارزش اعلام‌شدهٔ هر قلم باید بیشتر از صفر باشد.",
                                  field: "items[\(i)].declaredValue")
            }
        }
        guard try Rial.sum(input.items.map(\.loss)) == input.loss else {
            throw DomainError(code: "items-loss-mismatch", message: "مبلغ خسارت باید برابر جمع خسارت اقلام باشد.",
                              field: "loss")
        }
    }
}

extension DomainError {
    /// R-CL-08: a claim names one item twice.
    public static let duplicateItem = DomainError(
        code: "duplicate-item", message: "این قلم بیش از یک بار در ادعای خسارت آمده است.", field: "items")
}
