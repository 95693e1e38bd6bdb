/// R-RP-03: CSV for a spreadsheet: UTF-8 with a byte-order mark (so Persian headers open right),
/// comma-separated, fields quoted when they hold a comma, quote or line break; amounts in rials
/// as plain integers. A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets
/// a leading apostrophe; a whole number, negative ones included, stays a number.
public enum ReportCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func document(header: [String], rows: [[String]]) -> String {
        byteOrderMark + ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first), Int64(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
