/// Shared scanning for the digit-only identifiers of R-G-05 (national code, legal ID, foreign ID).
enum IdentifierDigits {
    enum Scan {
        case digits([UInt8])   // values 0…9
        case empty
        case nonDigit
        case tooLong
    }

    /// Longest raw input looked at. Checked on the UTF-8 count (O(1) for native strings) before
    /// any normalization, so a 10 MB paste fails at once.
    static let maxRawUTF8Count = 128
    /// Longest digit string kept after normalization (all identifiers are ≤ 12 digits).
    static let maxDigits = 16

    static func scan(_ raw: String) -> Scan {
        guard raw.utf8.count <= maxRawUTF8Count else { return .tooLong }
        var digits: [UInt8] = []
        digits.reserveCapacity(12)
        // Same rules as Normalize.identifier, applied in one pass without building a string.
        for scalar in raw.unicodeScalars {
            if Normalize.isIdentifierSeparator(scalar) { continue }
            let ascii = Normalize.asciiDigit(scalar) ?? scalar
            guard ascii.value >= 0x30, ascii.value <= 0x39 else { return .nonDigit }
            guard digits.count < maxDigits else { return .tooLong }
            digits.append(UInt8(ascii.value - 0x30))
        }
        return digits.isEmpty ? .empty : .digits(digits)
    }

    /// "1111111111"-style values: they pass the national-code checksum, so they are rejected
    /// explicitly (R-G-05).
    static func allSame(_ digits: [UInt8]) -> Bool {
        guard let first = digits.first else { return false }
        return digits.allSatisfy { $0 == first }
    }

    static func string(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
    }
}
