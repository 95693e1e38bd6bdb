extension ComputerInsurance {
    /// The premium breakdown (R-P-02). Each line is rounded once, half away from zero (R-G-02);
    /// zero discounts are omitted; the total is the sum of the lines.
    ///
    /// - base (R-CP-02): sumInsured × annual rate.
    /// - volume-discount (R-CP-02): −round(base × d), d by item count from the tariff.
    /// - competitive-discount (R-G-10): −round((base + volume discount) × c). Applied after the
    ///   volume discount, on what is left of the premium, so the two discounts compound instead
    ///   of adding up (20 % + 10 % takes 28 %, not 30 %): the competitive discount is a
    ///   concession on the price the tariff already gives this customer.
    public static func premiumLines(sumInsured: Rial, itemCount: Int, competitiveDiscount: Percent,
                                    tariff: ComputerTariff) throws -> [QuoteLine] {
        let rate = tariff.annualRate
        let base = try sumInsured.percent(rate)
        var lines = [QuoteLine(code: "base", rule: "R-CP-02",
                               label: "حق بیمه پایه (\(rate.persianFormatted) سرمایه)", amount: base)]

        let volume = tariff.volumeDiscount(itemCount: itemCount)
        var afterVolume = base
        if volume > .zero {
            let amount = try base.percent(volume).negated()
            afterVolume = try base.adding(amount)
            let count = Normalize.persianDigits(String(itemCount))
            lines.append(QuoteLine(code: "volume-discount", rule: "R-CP-02",
                                   label: "تخفیف تعداد رایانه (\(volume.persianFormatted) برای \(count) دستگاه)",
                                   amount: amount))
        }

        if competitiveDiscount > .zero {
            let amount = try afterVolume.percent(competitiveDiscount).negated()
            lines.append(QuoteLine(code: "competitive-discount", rule: "R-G-10",
                                   label: "تخفیف رقابتی (\(competitiveDiscount.persianFormatted))", amount: amount))
        }
        return lines
    }
}
