/// Input normalization for Persian forms (R-G-03): users type Persian (۰-۹), Arabic-Indic (٠-٩)
/// or Latin digits, and Arabic keyboards produce ي/ك instead of ی/ک. Everything that compares or
/// stores user text goes through these functions first.
public enum Normalize {
    /// Maps Persian ۰-۹ (U+06F0…U+06F9) and Arabic-Indic ٠-٩ (U+0660…U+0669) digits to ASCII.
    public static func digits(_ s: String) -> String {
        if isASCII(s) { return s }   // fast path: nothing to map
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(asciiDigit(scalar) ?? scalar)
        }
        return String(out)
    }

    /// Maps ASCII digits to Persian ones (U+06F0…U+06F9) for display.
    public static func persianDigits(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x30, scalar.value <= 0x39, let p = Unicode.Scalar(scalar.value - 0x30 + 0x06F0) {
                out.append(p)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Free text (names, addresses): trims whitespace, newlines, ZWNJ, NBSP and bidi marks at the
    /// ends; collapses each internal run of spaces to one space (a run containing line breaks
    /// becomes that many "\n", so paragraphs survive); maps Arabic ي ى → ی and ك → ک and digits
    /// to ASCII. Internal ZWNJ is kept: it is part of Persian spelling (می‌خواهم).
    public static func text(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isTrimmable($0) }),
              let last = scalars.lastIndex(where: { !isTrimmable($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingNewlines = 0
        var sawCarriageReturn = false
        for scalar in scalars[first...last] {
            if isNewline(scalar) {
                if scalar == "\r" { sawCarriageReturn = true } else { pendingNewlines += 1 }
                continue
            }
            if isHorizontalSpace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingNewlines > 0 || sawCarriageReturn {
                for _ in 0..<max(pendingNewlines, 1) { out.append("\n") }
            } else if pendingSpace {
                out.append(" ")
            }
            pendingSpace = false
            pendingNewlines = 0
            sawCarriageReturn = false
            out.append(persianLetter(asciiDigit(scalar) ?? scalar))
        }
        return String(out)
    }

    /// Codes typed with separators ("007-622964-5", "۰۰۷ ۶۲۲۹۶۴ ۵"): maps digits to ASCII and
    /// removes every space, dash, ZWNJ/ZWJ and bidi mark. Other characters are kept so the
    /// validator can reject them.
    public static func identifier(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isIdentifierSeparator(scalar) { continue }
            out.append(asciiDigit(scalar) ?? scalar)
        }
        return String(out)
    }

    // MARK: - Character classes

    @inline(__always)
    static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }

    @inline(__always)
    static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x06F0...0x06F9: return Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value - 0x06F0 + 0x30))
        case 0x0660...0x0669: return Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value - 0x0660 + 0x30))
        default: return nil
        }
    }

    @inline(__always)
    static func persianLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x064A, 0x0649: return "\u{06CC}"   // ي ى → ی
        case 0x0643: return "\u{06A9}"           // ك → ک
        default: return scalar
        }
    }

    static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }

    /// ZWSP, ZWNJ, ZWJ, bidi marks/embeddings/isolates and BOM: invisible, often pasted along.
    static func isInvisibleMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// What `identifier(_:)` drops: spaces, line breaks, dashes, ZWNJ and other invisible marks.
    static func isIdentifierSeparator(_ scalar: Unicode.Scalar) -> Bool {
        isHorizontalSpace(scalar) || isNewline(scalar) || isDash(scalar) || isInvisibleMark(scalar)
    }

    static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        isHorizontalSpace(scalar) || isNewline(scalar) || isInvisibleMark(scalar)
    }
}
