import Foundation
/// The HID (health ID / tracking code) a provider's eligibility check gives a visit (R-EL-05);
/// the pharmacy or paraclinic later presents it with the national code. 80 random bits as 16
/// Crockford base32 characters: unguessable, and forgiving when read aloud or retyped.
public struct HealthID: Hashable, Sendable, CustomStringConvertible {
    /// 16 characters of `alphabet`.
    public let value: String

    /// Crockford's base32: no I, L, O, U (they read as 1, 1, 0 or invite obscenities).
    public static let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    static let alphabetBytes = Array(alphabet.utf8)
    public static let length = 16

    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> HealthID {
        // 16 + 64 = 80 bits, five per character, most significant first.
        let high = UInt64(generator.next() & 0xFFFF)
        let low = generator.next()
        var bytes = [UInt8](repeating: 0, count: length)
        for i in 0..<length {
            let shift = 5 * (length - 1 - i)   // 75 … 0
            let chunk = shift >= 64 ? high >> (shift - 64)
                : shift > 59 ? (low >> shift) | (high << (64 - shift))   // straddles the two words
                : low >> shift
            bytes[i] = alphabetBytes[Int(chunk & 0x1F)]
        }
        return HealthID(unchecked: String(decoding: bytes, as: UTF8.self))
    }

    /// Case-insensitive; '-' and spaces ignored; O → 0 and I/L → 1 as Crockford prescribes;
    /// Persian/Arabic digits accepted. Anything else, or not 16 characters, → "invalid-hid".
    public init(parsing raw: String) throws {
        guard raw.utf8.count <= 128 else { throw DomainError.invalidHealthID }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.length)
        for scalar in raw.unicodeScalars {
            if Normalize.isIdentifierSeparator(scalar) { continue }
            guard let symbol = Self.canonical(Normalize.asciiDigit(scalar) ?? scalar),
                  bytes.count < Self.length else { throw DomainError.invalidHealthID }
            bytes.append(symbol)
        }
        guard bytes.count == Self.length else { throw DomainError.invalidHealthID }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// "7K3M-Q9ZX-0A4B-TT21" for print and screens.
    public var grouped: String {
        var out = ""
        for (i, character) in value.enumerated() {
            if i > 0, i % 4 == 0 { out.append("-") }
            out.append(character)
        }
        return out
    }

    public var description: String { value }

    private init(unchecked value: String) {
        self.value = value
    }

    /// The alphabet byte a typed scalar stands for, or nil.
    private static func canonical(_ scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.isASCII else { return nil }
        var byte = UInt8(scalar.value)
        if byte >= 0x61, byte <= 0x7A { byte -= 0x20 }   // lowercase → uppercase
        switch byte {
        case UInt8(ascii: "O"): return UInt8(ascii: "0")
        case UInt8(ascii: "I"), UInt8(ascii: "L"): return UInt8(ascii: "1")
        default: return alphabetBytes.contains(byte) ? byte : nil
        }
    }
}

extension HealthID {
    /// R-EL-05: how long a pharmacy or paraclinic may present a visit's HID. CHOSEN: 30 days.
    public static let validDays = 30

    /// The last instant the HID of a visit at `issuedAt` is accepted.
    public static func validUntil(issuedAt: Date, validDays: Int = validDays) -> Date {
        issuedAt.addingTimeInterval(Double(validDays) * 86_400)
    }
}
