/// Text forms of JalaliDate (R-G-03): the API string "1403/05/07" with Latin digits, Persian
/// display, and lenient parsing of what users type.
extension JalaliDate: Codable, CustomStringConvertible {
    /// "1403/05/07": zero-padded, ASCII digits (the API form).
    public var description: String {
        Self.format(year: year, month: month, day: day)
    }

    /// "۱۴۰۳/۰۵/۰۷" for screens and print.
    public var persianDescription: String {
        Normalize.persianDigits(description)
    }

    /// "۷ مرداد ۱۴۰۳" for letters and printed policies.
    public var persianLongDescription: String {
        Normalize.persianDigits("\(day) \(monthName) \(year)")
    }

    public static let monthNames = [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]

    public var monthName: String { Self.monthNames[month - 1] }

    /// Accepts "1403/5/7", "1403/05/07", "1403-05-07", Persian or Arabic-Indic digits, and
    /// surrounding spaces or bidi marks. Year 1–4 digits, month and day 1–2 digits, one kind of
    /// separator. Anything else, and dates that do not exist, throw "invalid-date".
    public init(parsing text: String) throws {
        guard text.utf8.count <= 64 else { throw DomainError.invalidDate }
        // One pass over the raw scalars (no intermediate strings): spaces only around the date,
        // invisible marks anywhere, Persian/Arabic digits mapped as in Normalize.digits.
        var fields: [Int] = []
        fields.reserveCapacity(2)
        var current = 0, digits = 0
        var separator: Unicode.Scalar?
        var started = false, finished = false
        for raw in text.unicodeScalars {
            if Normalize.isInvisibleMark(raw) { continue }
            if Normalize.isHorizontalSpace(raw) || Normalize.isNewline(raw) {
                if started { finished = true }
                continue
            }
            guard !finished else { throw DomainError.invalidDate }
            started = true
            let scalar = Normalize.asciiDigit(raw) ?? raw
            if scalar.value >= 0x30, scalar.value <= 0x39 {
                digits += 1
                guard digits <= (fields.isEmpty ? 4 : 2) else { throw DomainError.invalidDate }
                current = current * 10 + Int(scalar.value - 0x30)
            } else if scalar == "/" || scalar == "-" {
                guard digits > 0, fields.count < 2, separator == nil || separator == scalar else {
                    throw DomainError.invalidDate
                }
                separator = scalar
                fields.append(current)
                current = 0
                digits = 0
            } else {
                throw DomainError.invalidDate
            }
        }
        guard digits > 0, fields.count == 2 else { throw DomainError.invalidDate }
        try self.init(year: fields[0], month: fields[1], day: current)
    }

    /// Codable as the API string; decoding validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { self = try JalaliDate(parsing: raw) } catch let error as DomainError {
            throw DecodingError.domain(error, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// "YYYY/MM/DD" for any integers (also impossible ones, for error messages).
    static func format(year: Int, month: Int, day: Int) -> String {
        "\(padded(year, 4))/\(padded(month, 2))/\(padded(day, 2))"
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        guard n >= 0, text.count < width else { return text }
        return String(repeating: "0", count: width - text.count) + text
    }
}
