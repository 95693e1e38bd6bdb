import Foundation
import InsuranceKit

/// Numbers as people type them into forms.
enum FormInput {
    /// A whole number: Persian or Arabic digits, thousands separators (`,` `٬` and spaces) and a
    /// leading minus are accepted; anything else (letters, a minus in the middle) is nil, so the
    /// caller reports it instead of guessing.
    static func integer(_ raw: String?) -> Int64? {
        let separators: Set<Character> = [",", "\u{066C}", " ", "\u{00A0}"]
        let text = Normalize.digits(raw ?? "").trimmingCharacters(in: .whitespaces).filter { !separators.contains($0) }
        return Int64(text)
    }

    /// An amount typed on a form: nil for an empty field, the whole number, or a 422 naming the
    /// field — "amount-overflow" for digits no Int64 holds (a huge amount is out of range, not
    /// missing), "invalid-amount" for anything that is no whole number.
    static func amount(_ raw: String?, field: String) throws -> Int64? {
        let text = Normalize.text(raw ?? "")
        if text.isEmpty { return nil }
        if let value = integer(text) { return value }
        let label = FieldLabels.label(field)
        if isDigits(text) {
            throw AppError.validation([FieldError(field: field, code: DomainError.amountOverflow.code,
                                                  message: "«\(label)» از حد مجاز بزرگ‌تر است (بیشینه \(Rial(amount: Int64.max).persianFormatted) ریال).")])
        }
        throw AppError.validation([FieldError(field: field, code: "invalid-amount", message: "«\(label)» باید عددی صحیح (به ریال) باشد.")])
    }

    /// Refuses, by field, an amount of digits too large for Int64, before a form's reader would
    /// take the unreadable figure for a missing one.
    static func refuseOverflow(_ fields: [(String, String?)]) throws {
        let errors = fields.compactMap { field, raw -> FieldError? in
            guard let raw, integer(raw) == nil, isDigits(raw) else { return nil }
            return FieldError(field: field, code: DomainError.amountOverflow.code, message: "«\(FieldLabels.label(field))» از حد مجاز بزرگ‌تر است.")
        }
        if !errors.isEmpty { throw AppError.validation(errors) }
    }

    /// Only digits (any script) and separators: a number, if perhaps too large for Int64.
    static func isDigits(_ raw: String) -> Bool {
        let separators: Set<Character> = [",", "\u{066C}", " ", "\u{00A0}"]
        let text = Normalize.digits(raw).trimmingCharacters(in: .whitespaces).filter { !separators.contains($0) }
        return !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// An amount typed on a product's form, for its JSON inputs: the number when it is one (a
    /// huge one too, so that the product answers "amount-overflow"), else the text as typed.
    static func amountJSON(_ raw: String) -> Any {
        if let value = integer(raw) { return NSNumber(value: value) }
        if isDigits(raw) {
            let separators: Set<Character> = [",", "\u{066C}", " ", "\u{00A0}"]
            let digits = Normalize.digits(raw).filter { !separators.contains($0) && !$0.isWhitespace }
            return NSDecimalNumber(string: digits)
        }
        return raw
    }

    /// A percent typed on a form, for a product's JSON inputs: a number when it reads as one
    /// (Persian digits and «٫» accepted), else the text as typed, for the product to refuse.
    static func percentJSON(_ raw: String) -> Any {
        let text = Normalize.digits(raw).replacingOccurrences(of: "٫", with: ".").trimmingCharacters(in: .whitespaces)
        return Decimal(string: text).map { NSDecimalNumber(decimal: $0) } ?? text
    }
}
