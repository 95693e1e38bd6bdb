import Foundation

/// An Iranian registration plate (پلاک انتظامی) as typed by a seller and as stored (R-TP-12,
/// R-TP-13). Two shapes are accepted:
/// - a car plate: two digits, one plate letter, three digits and the two-digit region code
///   («۱۲ ب ۳۴۵ ایران ۶۶»), typed in either order of reading (the region last, or first after the
///   word «ایران»), with Persian, Arabic-Indic or Latin digits, spaces, dashes and the word «ایران»;
/// - a motorcycle plate: the three-digit city code and a five-digit number («۱۲۳-۴۵۶۷۸»).
///
/// The canonical form (stored, sent to the registry) has Latin digits and no spaces:
/// `12ب345-66`, `12الف345-66`, `123-45678`. It encodes as that string and decodes by parsing it.
public struct IranianPlate: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case car
        case motorcycle
    }

    public let kind: Kind
    /// Car: the two digits before the letter. Motorcycle: the three-digit city code.
    public let first: String
    /// Car: the plate letter («الف» for government vehicles). Motorcycle: empty.
    public let letter: String
    /// Car: the three digits after the letter. Motorcycle: the five-digit number.
    public let serial: String
    /// Car: the two-digit region code (the «ایران ۶۶» part). Motorcycle: empty.
    public let region: String

    /// The letters of car plates and what they mark. CHOSEN: the private series and the civilian
    /// special series; military and diplomatic plates, free-zone and transit plates have other
    /// layouts or other registries and are refused.
    public static let letters: [String: String] = [
        "ب": "شخصی", "ج": "شخصی", "د": "شخصی", "س": "شخصی", "ص": "شخصی", "ط": "شخصی", "ق": "شخصی",
        "ل": "شخصی", "م": "شخصی", "ن": "شخصی", "و": "شخصی", "ه": "شخصی", "ی": "شخصی",
        "ت": "تاکسی", "ع": "حمل‌ونقل عمومی", "ک": "کشاورزی", "الف": "دولتی", "پ": "انتظامی",
        "ژ": "جانبازان و معلولان",
    ]

    public static let invalid = DomainError(
        code: "invalid-plate",
        message: "شمارهٔ پلاک باید به شکل «۱۲ ب ۳۴۵ ایران ۶۶» (خودرو) یا «۱۲۳-۴۵۶۷۸» (موتورسیکلت) باشد.",
        field: "plate")

    public init(parsing text: String) throws {
        var rest = Self.compact(text)
        let iran = "ایران"
        var region: String?
        if rest.hasPrefix(iran) {
            rest.removeFirst(iran.count)
            // «ایران ۱۲۳ ۴۵۶۷۸»: a motorcycle plate read with its label first
            if rest.count == 8, Self.isDigits(rest) {
                self.init(kind: .motorcycle, first: String(rest.prefix(3)), letter: "", serial: String(rest.suffix(5)), region: "")
                return
            }
            let head = String(rest.prefix(2))
            guard head.count == 2, Self.isDigits(head) else { throw Self.invalid }
            region = head
            rest.removeFirst(2)
        }
        if region == nil, rest.count == 8, Self.isDigits(rest) {
            self.init(kind: .motorcycle, first: String(rest.prefix(3)), letter: "", serial: String(rest.suffix(5)), region: "")
            return
        }
        let first = String(rest.prefix(2))
        guard first.count == 2, Self.isDigits(first) else { throw Self.invalid }
        rest.removeFirst(2)
        let letter = String(rest.prefix { !$0.isASCII })
        rest.removeFirst(letter.count)
        guard !letter.isEmpty, !letter.hasPrefix(iran) else { throw Self.invalid }
        guard Self.letters[letter] != nil else {
            throw Self.invalid.withMessage("حرف «\(letter)» در پلاک خودروهای شخصی و عمومی به کار نمی‌رود.")
        }
        let serial = String(rest.prefix(3))
        guard serial.count == 3, Self.isDigits(serial) else { throw Self.invalid }
        rest.removeFirst(3)
        if region == nil {
            if rest.hasPrefix(iran) { rest.removeFirst(iran.count) }
            guard rest.count == 2, Self.isDigits(rest) else { throw Self.invalid }
            region = rest
        } else {
            guard rest.isEmpty else { throw Self.invalid }
        }
        // region codes run from 10 (Tehran) to 99; none starts with 0
        guard let region, region.first != "0" else { throw Self.invalid }
        self.init(kind: .car, first: first, letter: letter, serial: serial, region: region)
    }

    private init(kind: Kind, first: String, letter: String, serial: String, region: String) {
        self.kind = kind
        self.first = first
        self.letter = letter
        self.serial = serial
        self.region = region
    }

    /// `12ب345-66` or `123-45678`.
    public var canonical: String {
        switch kind {
        case .car: "\(first)\(letter)\(serial)-\(region)"
        case .motorcycle: "\(first)-\(serial)"
        }
    }

    public var description: String { canonical }

    /// As printed in Persian text: «۱۲ ب ۳۴۵ ایران ۶۶», «۱۲۳-۴۵۶۷۸».
    public var display: String {
        switch kind {
        case .car: Normalize.persianDigits("\(first) \(letter) \(serial) ایران \(region)")
        case .motorcycle: Normalize.persianDigits("\(first)-\(serial)")
        }
    }

    /// For the public inquiry (R-TP-13). CHOSEN: the letter, the region (or city code) and the
    /// last two digits of the number stay, so someone holding the vehicle card can match it; the
    /// rest is starred: `**ب*45-66`, `123-***78`.
    public var masked: String {
        switch kind {
        case .car: "**\(letter)*\(serial.suffix(2))-\(region)"
        case .motorcycle: "\(first)-***\(serial.suffix(2))"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            try self.init(parsing: try container.decode(String.self))
        } catch let error as DomainError {
            throw DecodingError.domain(error, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }

    /// Digits to ASCII, Arabic letters to Persian (ي → ی, ك → ک, ھ/ە → ه), and every space,
    /// dash, vertical bar and invisible mark removed.
    static func compact(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in Normalize.identifier(Normalize.text(text)).unicodeScalars {
            switch scalar.value {
            case 0x7C, 0x5F: continue                     // | _
            case 0x06BE, 0x06D5, 0x0629: out.append("\u{0647}")   // ھ ە ة → ه
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func isDigits(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
