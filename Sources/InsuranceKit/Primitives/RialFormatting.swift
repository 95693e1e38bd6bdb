/// Display of amounts. Built byte by byte (no NumberFormatter) because lists and receipts format
/// many amounts.
extension Rial {
    /// ASCII digits with "," every three digits: "1,234,567", "-1,234,567".
    public var formatted: String {
        Self.group(amount, digitBase: [], separator: Array(",".utf8), minus: Array("-".utf8))
    }

    /// Persian digits with the Arabic thousands separator U+066C: "۱٬۲۳۴٬۵۶۷". A negative amount
    /// starts with LRM + U+2212 (as ICU's fa locale does) so the sign stays left in RTL text.
    public var persianFormatted: String {
        Self.group(amount, digitBase: Array("\u{06F0}".utf8), separator: Array("\u{066C}".utf8),
                   minus: Array("\u{200E}\u{2212}".utf8))
    }

    public var description: String { formatted }

    /// `digitBase` empty means ASCII digits; otherwise the UTF-8 bytes of the zero digit of a
    /// two-byte block (۰ = DB B0, digits ۰…۹ differ only in the last byte).
    private static func group(_ value: Int64, digitBase: [UInt8], separator: [UInt8], minus: [UInt8]) -> String {
        var magnitude = value.magnitude
        var reversedDigits: [UInt8] = []
        reversedDigits.reserveCapacity(19)
        repeat {
            reversedDigits.append(UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        if value < 0 { bytes += minus }
        for (i, digit) in reversedDigits.enumerated().reversed() {
            if digitBase.isEmpty {
                bytes.append(0x30 + digit)
            } else {
                bytes.append(digitBase[0])
                bytes.append(digitBase[1] + digit)
            }
            if i > 0, i % 3 == 0 { bytes += separator }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
