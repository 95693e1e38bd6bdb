/// Tariff-bound checks on computer insurance inputs; problems go to the reader so they are
/// reported together with the shape errors.
extension ComputerInsurance {
    static let competitiveDiscountField = "inputs.competitiveDiscountPercent"
    static let franchiseField = "inputs.franchisePercent"

    /// R-G-10: a competitive discount needs a role with that authority and never exceeds the
    /// tariff's maximum. Returns the discount to apply (0 when absent, zero or refused).
    static func checkCompetitiveDiscount(_ percent: Percent?, tariff: ComputerTariff, context: QuoteContext,
                                         into reader: inout InputReader) -> Percent {
        guard let percent, percent != .zero else { return .zero }
        guard percent > .zero else {
            reader.fail("invalid-percent", "درصد تخفیف نمی‌تواند منفی باشد.", at: competitiveDiscountField)
            return .zero
        }
        guard context.manualDiscountAuthority else {
            reader.fail("discount-not-authorized", "شما اختیار اعطای تخفیف رقابتی را ندارید.",
                        at: competitiveDiscountField)
            return .zero
        }
        guard percent <= tariff.maxCompetitiveDiscount else {
            reader.fail("discount-above-maximum",
                        "تخفیف رقابتی حداکثر \(tariff.maxCompetitiveDiscount.persianFormatted) است.",
                        at: competitiveDiscountField)
            return .zero
        }
        return percent
    }

    /// The franchise printed on the policy: the tariff default when absent, else within the
    /// tariff's range ("invalid-franchise").
    static func checkFranchise(_ percent: Percent?, tariff: ComputerTariff, into reader: inout InputReader) -> Percent {
        reader.franchise(percent, default: tariff.defaultFranchise, range: tariff.franchiseRange, at: franchiseField)
    }

    /// R-CP-02: the sum insured is Σ item values; "amount-overflow" (field "inputs.items") when it
    /// does not fit in Int64.
    static func sumInsured(of items: [ComputerInsuranceInputs.Item], into reader: inout InputReader) -> Rial? {
        guard let sum = try? Rial.sum(items.map(\.value)) else {
            reader.fail(.amountOverflow, at: "inputs.items")
            return nil
        }
        return sum
    }
}
