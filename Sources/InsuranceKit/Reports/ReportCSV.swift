/// R-RP-03: CSV for a spreadsheet: UTF-8 with a byte-order mark (so Persian headers open right),
/// comma-separated, fields quoted when they hold a comma, quote or line break; amounts in rials
/// as plain integers.
public enum ReportCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func document(header: [String], rows: [[String]]) -> String {
        byteOrderMark + ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
