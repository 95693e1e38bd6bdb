/// How a covered person relates to the main insured (R-EL-02 shows it as coverage detail).
public enum EntitlementRelation: String, CaseIterable, Sendable, Codable {
    case main, spouse, child, parent, other

    /// Accepts the English raw values (any case) and the Persian words insurers' files use:
    /// اصلی، بیمه‌شده اصلی، همسر، فرزند، پدر، مادر، والدین، سایر — with or without ZWNJ or
    /// spaces inside, with Arabic ي/ك, surrounding spaces. Anything else → "invalid-relation".
    public init(parsing raw: String) throws {
        guard raw.utf8.count <= 64 else { throw DomainError.invalidRelation }
        if let fast = Self(asciiBytes: raw.utf8) {
            self = fast
            return
        }
        guard let relation = Self.persianWords[Self.key(raw)] else { throw DomainError.invalidRelation }
        self = relation
    }

    public var persianName: String {
        switch self {
        case .main: return "بیمه‌شده اصلی"
        case .spouse: return "همسر"
        case .child: return "فرزند"
        case .parent: return "پدر/مادر"
        case .other: return "سایر"
        }
    }

    // MARK: Internals

    /// Keys are Normalize.text output with every space and ZWNJ removed, so «بیمه‌شده اصلی»,
    /// «بیمه شده اصلی» and «بيمهشدهاصلي» meet.
    private static let persianWords: [String: EntitlementRelation] = [
        "اصلی": .main, "بیمهشدهاصلی": .main, "بیمهشده": .main,
        "همسر": .spouse,
        "فرزند": .child,
        "پدر": .parent, "مادر": .parent, "والدین": .parent, "والد": .parent,
        "سایر": .other,
    ]

    private static func key(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in Normalize.text(raw).unicodeScalars
        where !Normalize.isHorizontalSpace(scalar) && !Normalize.isInvisibleMark(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// Import fast path: an English value in ASCII, maybe padded with spaces/tabs; compares
    /// bytes case-insensitively without building a String. nil → use the general parser.
    init?<C: BidirectionalCollection>(asciiBytes bytes: C) where C.Element == UInt8 {
        let word = ASCIIBytes.trimmed(bytes)
        for relation in Self.allCases where Self.equalsIgnoringASCIICase(word, relation.rawValue.utf8) {
            self = relation
            return
        }
        return nil
    }

    private static func equalsIgnoringASCIICase<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where (x | 0x20) != y { return false }   // b is lowercase ASCII
        return true
    }
}
