/// R-P-03: the payment id (شناسهٔ پرداخت) printed on a bank slip and typed at the bank: ten
/// digits — the last two of the Jalali year, a seven-digit serial from the slip register, and a
/// Luhn check digit, so one mistyped digit or two swapped neighbours are caught when the
/// accountant confirms it.
public enum SlipPaymentID: Sendable {
    public static let length = 10

    public static func make(year: Int, serial: Int) throws -> String {
        guard serial >= 1, serial <= 9_999_999 else {
            throw DomainError(code: "slip-register-full", message: "شمارهٔ فیش‌های امسال به پایان رسیده است.", field: nil)
        }
        let body = pad(((year % 100) + 100) % 100, 2) + pad(serial, 7)
        return body + String(checkDigit(body))
    }

    /// The id as typed (Persian or Arabic digits, spaces and dashes allowed), checked.
    public static func parse(_ text: String) throws -> String {
        let digits = String(Normalize.digits(text).filter { !" -‌".contains($0) })
        guard digits.count == length, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            throw DomainError(code: "invalid-payment-id", message: "شناسهٔ پرداخت باید ۱۰ رقم باشد.", field: "paymentId")
        }
        guard checkDigit(String(digits.prefix(length - 1))) == Int(String(digits.last!)) else {
            throw DomainError(code: "invalid-payment-id", message: "رقم کنترل شناسهٔ پرداخت درست نیست؛ شناسه را دوباره از روی فیش بخوانید.", field: "paymentId")
        }
        return digits
    }

    /// Luhn: from the right, every second digit of the body doubled (digits of the product summed).
    static func checkDigit(_ body: String) -> Int {
        var sum = 0
        for (offset, character) in body.reversed().enumerated() {
            var digit = Int(String(character)) ?? 0
            if offset % 2 == 0 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return (10 - sum % 10) % 10
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
