/// An Iranian IBAN (شمارهٔ شبا): "IR" and 24 digits — two check digits, then 22 of account data —
/// 26 characters, valid by
/// the ISO 13616 / ISO 7064 mod-97 checksum.
///
/// Input may carry Persian (۰-۹) or Arabic-Indic (٠-٩) digits, spaces, dashes and invisible marks
/// ("IR۲۰ ۰۱۷۰ …"), lower-case letters, or the 24 digits alone (the "IR" is then implied). Every
/// failure is `invalid-iban` with field "iban".
public struct Sheba: Hashable, Sendable, Codable, CustomStringConvertible {
    /// "IR" + 24 ASCII digits, no spaces.
    public let value: String

    /// Longest raw input looked at (a pasted IBAN with separators is about 40 bytes).
    static let maxRawUTF8Count = 128

    public init(_ raw: String) throws {
        guard raw.utf8.count <= Self.maxRawUTF8Count else { throw Self.error("شمارهٔ شبا باید ۲۶ نویسه باشد (IR و ۲۴ رقم).") }
        var scalars = Array(Normalize.identifier(raw).unicodeScalars)
        guard !scalars.isEmpty else { throw Self.error("شمارهٔ شبا وارد نشده است.") }
        if scalars.count == 24 { scalars = ["I", "R"] + scalars }
        guard scalars.count == 26, "Ii".unicodeScalars.contains(scalars[0]), "Rr".unicodeScalars.contains(scalars[1]) else {
            throw Self.error("شمارهٔ شبا باید با IR آغاز شود و ۲۶ نویسه باشد (IR و ۲۴ رقم).")
        }
        let digits = scalars.dropFirst(2)
        guard digits.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) else {
            throw Self.error("پس از IR فقط ۲۴ رقم می‌آید.")
        }
        let text = "IR" + String(String.UnicodeScalarView(digits))
        guard Self.checksumHolds(text) else { throw Self.error("رقم‌های کنترلی شمارهٔ شبا درست نیست؛ شماره را دوباره بررسی کنید.") }
        value = text
    }

    public static func isValid(_ raw: String) -> Bool { (try? Sheba(raw)) != nil }

    /// Grouped by four for print: "IR20 0170 0000 0000 0123 4567 89".
    public var printed: String {
        var out = "", count = 0
        for character in value {
            if count > 0, count % 4 == 0 { out.append(" ") }
            out.append(character)
            count += 1
        }
        return out
    }

    public var description: String { value }

    /// ISO 7064 mod 97-10 on "IR" + check + 24 digits: the first four characters move to the end,
    /// letters become two digits (A = 10 … I = 18, R = 27), and the number is ≡ 1 (mod 97).
    /// Check digits 00, 01 and 99 are never issued (98 − r lies in 02…98) and are refused.
    static func checksumHolds(_ iban: String) -> Bool {
        let chars = Array(iban.utf8)
        guard chars.count == 26, let check = Int(String(decoding: chars[2..<4], as: UTF8.self)), (2...98).contains(check) else { return false }
        return remainder(Array(chars[4...]) + Array(chars[0..<4])) == 1
    }

    /// The two check digits for the 22 digits of account data (for examples and data generators);
    /// nil unless exactly 22 ASCII digits.
    public static func checkDigits(bban: String) -> String? {
        let digits = Array(bban.utf8)
        guard digits.count == 22, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let r = remainder(digits + Array("IR00".utf8))
        let check = 98 - r
        return check < 10 ? "0\(check)" : "\(check)"
    }

    /// The number the characters spell (digits as they are, A–Z as 10–35) mod 97, one digit at a time.
    private static func remainder(_ chars: [UInt8]) -> Int {
        var r = 0
        for c in chars {
            switch c {
            case 0x30...0x39: r = (r * 10 + Int(c - 0x30)) % 97
            case 0x41...0x5A: r = (r * 100 + Int(c - 0x41) + 10) % 97
            case 0x61...0x7A: r = (r * 100 + Int(c - 0x61) + 10) % 97
            default: return -1
            }
        }
        return r
    }

    private static func error(_ message: String) -> DomainError {
        DomainError(code: "invalid-iban", message: message, field: "iban")
    }
}
