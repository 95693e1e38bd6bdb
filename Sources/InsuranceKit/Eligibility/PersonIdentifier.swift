/// Who an eligibility inquiry is about (R-EL-01): an Iranian national code or, for foreign
/// nationals, the 12-digit foreign ID. One input accepts both; the digit count decides.
public enum PersonIdentifier: Hashable, Sendable, CustomStringConvertible {
    case national(NationalCode)
    case foreign(ForeignID)

    /// 10 digits → national code (checksum validated, so a typo throws NationalCode's own
    /// "invalid-national-code"); 12 digits → foreign ID; anything else → "invalid-person-id".
    /// Persian/Arabic digits, spaces and dashes are accepted as in NationalCode. Unlike
    /// NationalCode alone, 8–9 digits are not padded: with two kinds of ID, a short input is
    /// more likely a typo than dropped zeros.
    public init(_ raw: String) throws {
        guard case .digits(let digits) = IdentifierDigits.scan(raw) else {
            throw DomainError.invalidPersonIdentifier
        }
        switch digits.count {
        case 10: self = .national(try NationalCode(raw))
        case 12: self = .foreign(try ForeignID(raw))
        default: throw DomainError.invalidPersonIdentifier
        }
    }

    /// The normalized ASCII digits (10 or 12): the lookup key of the entitlement index.
    public var key: String {
        switch self {
        case .national(let code): return code.value
        case .foreign(let id): return id.value
        }
    }

    public var isForeign: Bool {
        if case .foreign = self { return true }
        return false
    }

    public var description: String { key }
}

extension PersonIdentifier {
    /// Bulk-import fast path: `bytes` already trimmed, ASCII digits only. Returns nil when the
    /// caller should fall back to `init(_:)` for the precise error (or non-ASCII input).
    /// Skips the String round trips of `init(_:)`: the check digit is computed in place.
    init?<C: Collection>(asciiDigits bytes: C) where C.Element == UInt8 {
        guard bytes.count == 10 else { return nil }
        var prefix = 0, sum = 0, weight = 10, last = 0
        for byte in bytes {
            guard byte &- 0x30 < 10 else { return nil }
            let d = Int(byte &- 0x30)
            if weight > 1 {
                prefix = prefix * 10 + d
                sum += d * weight
                weight -= 1
            } else {
                last = d
            }
        }
        let r = sum % 11
        // make(prefix:) also rejects the all-same-digit codes of R-G-05.
        guard (r < 2 ? r : 11 - r) == last, let code = NationalCode.make(prefix: prefix) else { return nil }
        self = .national(code)
    }
}
