/// What employer's liability and contractors' all risk share: one `base` premium line of
/// sum insured × the year's rate, and a franchise within the tariff's range (section T).
enum FlatRateProduct {
    static let franchiseField = "inputs.franchisePercent"
    static let maxDescriptionLength = 500

    /// R-P-02, R-G-02: the only premium line, rounded once, half away from zero.
    static func premiumLines(sumInsured: Rial, tariff: FlatRateTariff) throws -> [QuoteLine] {
        let rate = tariff.annualRate
        return [QuoteLine(code: "base", rule: "R-P-02",
                          label: "حق بیمه پایه (\(rate.persianFormatted) سرمایه)",
                          amount: try sumInsured.percent(rate))]
    }

    /// The franchise printed on the policy: the tariff default when absent, else within the
    /// tariff's range ("invalid-franchise", as computer insurance).
    static func checkFranchise(_ percent: Percent?, tariff: FlatRateTariff, into reader: inout InputReader) -> Percent {
        reader.franchise(percent, default: tariff.defaultFranchise, range: tariff.franchiseRange, at: franchiseField)
    }

    /// Thrown only if a parse left a value missing without recording why (never expected).
    static func invalidInputs(_ title: String) -> DomainError {
        DomainError(code: "invalid-inputs", message: "ورودی‌های \(title) معتبر نیستند.", field: "inputs")
    }
}

extension InputReader {
    /// A whole number in `range` from a JSON number; nil when absent or null. A fraction is
    /// "non-integer", a number outside the range (or beyond Int64) "out-of-range".
    mutating func optionalInteger(_ value: JSONInput?, at path: String, label: String,
                                  range: ClosedRange<Int>) -> Int? {
        guard let value, !value.isNull else { return nil }
        let outOfRange = "\(label) باید بین \(Self.persian(range.lowerBound)) و \(Self.persian(range.upperBound)) باشد."
        switch value {
        case .number(let decimal):
            switch Self.integer(decimal) {
            case .value(let n):
                guard n >= Int64(range.lowerBound), n <= Int64(range.upperBound) else {
                    fail("out-of-range", outOfRange, at: path)
                    return nil
                }
                return Int(n)
            case .fraction:
                fail("non-integer", "\(label) باید عددی صحیح باشد.", at: path)
            case .overflow:
                fail("out-of-range", outOfRange, at: path)
            }
        case .unrepresentableNumber(let tiny):
            if tiny {
                fail("non-integer", "\(label) باید عددی صحیح باشد.", at: path)
            } else {
                fail("out-of-range", outOfRange, at: path)
            }
        default:
            typeMismatch(value, .number, at: path)
        }
        return nil
    }

    /// A positive whole number of rials when present; nil when absent or null (R-G-01).
    mutating func optionalPositiveRial(_ value: JSONInput?, at path: String, label: String) -> Rial? {
        guard let value, !value.isNull else { return nil }
        return positiveRial(value, at: path, label: label)
    }
}
