/// Field readers of third-party `inputs` (booleans and dates through InputReader's shared readers,
/// zero-allowed rials, required integers). Every problem goes into the reader with its field path.
enum ThirdPartyInputReading {
    /// A JSON true/false (InputReader.flag).
    static func bool(_ value: JSONInput?, at path: String, required: Bool, _ reader: inout InputReader) -> Bool? {
        reader.flag(value, at: path, required: required)
    }

    /// A whole number in `range`; nil when absent or null (then "required" if `required`), or
    /// wrong ("non-integer", "out-of-range", "invalid-type").
    static func integer(_ value: JSONInput?, at path: String, label: String, range: ClosedRange<Int>,
                        required: Bool = true, _ reader: inout InputReader) -> Int? {
        guard let value, !value.isNull else {
            if required { reader.fail("required", "\(label) را وارد کنید.", at: path) }
            return nil
        }
        return reader.optionalInteger(value, at: path, label: label, range: range)
    }

    /// A Jalali date string (R-G-03); "invalid-date" for anything else; nil when absent or null
    /// (then "required" if `required`).
    static func date(_ value: JSONInput?, at path: String, label: String, required: Bool,
                     _ reader: inout InputReader) -> JalaliDate? {
        guard let value, !value.isNull else {
            if required { reader.fail("required", "\(label) را وارد کنید.", at: path) }
            return nil
        }
        return reader.jalaliDate(value, at: path, label: label)
    }

    /// A whole number of rials ≥ 0 (R-G-01); "required", "invalid-type", "non-integer-amount",
    /// "negative-amount" or "amount-overflow" otherwise.
    static func nonNegativeRial(_ value: JSONInput?, at path: String, label: String,
                                _ reader: inout InputReader) -> Rial? {
        guard let value, !value.isNull else {
            reader.fail("required", "\(label) را وارد کنید.", at: path)
            return nil
        }
        switch value {
        case .number(let decimal):
            switch InputReader.integer(decimal) {
            case .value(let n) where n >= 0: return Rial(n)
            case .value: reader.fail(DomainError.negativeAmount, at: path)
            case .fraction: reader.fail("non-integer-amount", "\(label) باید عددی صحیح (ریال) باشد.", at: path)
            case .overflow: reader.fail(DomainError.amountOverflow, at: path)
            }
        case .unrepresentableNumber(let tiny):
            if tiny {
                reader.fail("non-integer-amount", "\(label) باید عددی صحیح (ریال) باشد.", at: path)
            } else {
                reader.fail(DomainError.amountOverflow, at: path)
            }
        default:
            reader.typeMismatch(value, .number, at: path)
        }
        return nil
    }
}
