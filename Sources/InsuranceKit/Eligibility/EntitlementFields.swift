/// Column validators of EntitlementCSV. Each takes the raw field bytes, tries an ASCII fast
/// path, and otherwise defers to the general (String) validator so both paths agree.
enum EntitlementFields {
    static let maxInsuranceNumberLength = 20
    static let maxPlanLength = 100

    static func person<F: BidirectionalCollection>(_ field: F, line: Int) throws(RowRejection) -> PersonIdentifier
    where F.Element == UInt8 {
        if let fast = PersonIdentifier(asciiDigits: ASCIIBytes.trimmed(field)) { return fast }
        let text = String(decoding: field, as: UTF8.self)
        do { return try PersonIdentifier(text) } catch {
            let message = (error as? DomainError)?.message ?? DomainError.invalidPersonIdentifier.message
            throw .field("nationalCode", value: text, code: RowRejection.Code.invalidPersonID, message: message, line: line)
        }
    }

    /// 1–20 of A–Z a–z 0–9 - / (Persian digits mapped to ASCII first).
    static func insuranceNumber<F: BidirectionalCollection>(_ field: F, line: Int) throws(RowRejection) -> String
    where F.Element == UInt8 {
        let trimmed = ASCIIBytes.trimmed(field)
        let text = ASCIIBytes.isASCII(trimmed)
            ? String(decoding: trimmed, as: UTF8.self)
            : Normalize.text(String(decoding: field, as: UTF8.self))
        let utf8 = text.utf8
        guard (1...maxInsuranceNumberLength).contains(utf8.count), utf8.allSatisfy(isInsuranceNumberByte) else {
            throw .field("insuranceNumber", value: text, code: RowRejection.Code.invalidInsuranceNumber,
                         message: "شماره بیمه باید ۱ تا ۲۰ نویسه از حروف لاتین، رقم، «-» یا «/» باشد.", line: line)
        }
        return text
    }

    static func validTo<F: BidirectionalCollection>(_ field: F, line: Int) throws(RowRejection) -> JalaliDate
    where F.Element == UInt8 {
        do {
            if let (y, m, d) = asciiDate(ASCIIBytes.trimmed(field)) {
                return try JalaliDate(year: y, month: m, day: d)
            }
            return try JalaliDate(parsing: String(decoding: field, as: UTF8.self))
        } catch {
            let message = (error as? DomainError)?.message ?? DomainError.invalidDate.message
            throw .field("validTo", value: String(decoding: field, as: UTF8.self),
                         code: RowRejection.Code.invalidDate, message: message, line: line)
        }
    }

    static func relation<F: BidirectionalCollection>(_ field: F, line: Int) throws(RowRejection) -> EntitlementRelation
    where F.Element == UInt8 {
        if let fast = EntitlementRelation(asciiBytes: field) { return fast }
        let text = String(decoding: field, as: UTF8.self)
        guard let relation = try? EntitlementRelation(parsing: text) else {
            throw .field("relation", value: text, code: RowRejection.Code.invalidRelation,
                         message: DomainError.invalidRelation.message, line: line)
        }
        return relation
    }

    /// Stored as Normalize.text gives it (ی/ک unified, spaces collapsed) so equal plans compare
    /// equal; 1–100 characters.
    static func plan<F: BidirectionalCollection>(_ field: F, line: Int) throws(RowRejection) -> String
    where F.Element == UInt8 {
        let trimmed = ASCIIBytes.trimmed(field)
        let raw = String(decoding: trimmed, as: UTF8.self)
        let text = isNormalizedText(trimmed) ? raw : Normalize.text(raw)
        // UTF-8 length bounds the character count, so counting Characters is rarely needed.
        guard !text.isEmpty, text.utf8.count <= maxPlanLength || text.count <= maxPlanLength else {
            throw .field("plan", value: text, code: RowRejection.Code.invalidPlan,
                         message: "نام طرح باید ۱ تا ۱۰۰ نویسه باشد.", line: line)
        }
        return text
    }

    // MARK: Byte helpers

    @inline(__always)
    static func isInsuranceNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2F: return true
        default: return false
        }
    }

    /// True when Normalize.text would return these bytes unchanged, judged cheaply: printable
    /// ASCII with single inner spaces, and two-byte Arabic-block letters other than the ones it
    /// maps (ي ى ك, Persian/Arabic digits, the ALM mark). Anything else (ZWNJ, NBSP, other
    /// scripts) is sent to Normalize.text, so a false "no" only costs time.
    static func isNormalizedText<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var previousWasSpace = true   // a leading space is not normalized
        while let byte = iterator.next() {
            switch byte {
            case 0x20:
                guard !previousWasSpace else { return false }
                previousWasSpace = true
                continue
            case 0x21...0x7E:
                break
            case 0xD8...0xDB:
                guard let next = iterator.next(), next & 0xC0 == 0x80 else { return false }
                switch (byte, next) {
                case (0xD8, 0x9C), (0xD9, 0x83), (0xD9, 0x89), (0xD9, 0x8A), (0xD9, 0xA0...0xA9), (0xDB, 0xB0...0xB9):
                    return false
                default:
                    break
                }
            default:
                return false
            }
            previousWasSpace = false
        }
        return !previousWasSpace   // empty or a trailing space: let Normalize.text decide
    }

    /// "1404/05/07" or "1404-5-7" in ASCII: year 1–4 digits, month and day 1–2, one separator
    /// kind (the shape JalaliDate(parsing:) accepts). nil → let the general parser decide.
    static func asciiDate<C: Collection>(_ bytes: C) -> (Int, Int, Int)? where C.Element == UInt8 {
        var parts = (0, 0, 0), digits = 0, index = 0
        var separator: UInt8 = 0
        for byte in bytes {
            if byte &- 0x30 < 10 {
                digits += 1
                guard digits <= (index == 0 ? 4 : 2) else { return nil }
                let d = Int(byte &- 0x30)
                switch index {
                case 0: parts.0 = parts.0 * 10 + d
                case 1: parts.1 = parts.1 * 10 + d
                default: parts.2 = parts.2 * 10 + d
                }
            } else if byte == 0x2F || byte == 0x2D {
                guard digits > 0, index < 2, separator == 0 || separator == byte else { return nil }
                separator = byte
                index += 1
                digits = 0
            } else {
                return nil
            }
        }
        guard index == 2, digits > 0 else { return nil }
        return parts
    }
}
