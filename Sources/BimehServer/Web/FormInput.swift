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

    /// A percent typed on a form, for a product's JSON inputs: a number when it reads as one
    /// (Persian digits and «٫» accepted), else the text as typed, for the product to refuse.
    static func percentJSON(_ raw: String) -> Any {
        let text = Normalize.digits(raw).replacingOccurrences(of: "٫", with: ".").trimmingCharacters(in: .whitespaces)
        return Decimal(string: text).map { NSDecimalNumber(decimal: $0) } ?? text
    }
}
