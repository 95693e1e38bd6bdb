import Vapor

/// The policies list as a spreadsheet: UTF-8 with a BOM (so Excel reads the Persian), Persian
/// headers, amounts in whole rials with Latin digits (so they stay numbers).
enum PolicyListCSV {
    static let headers = ["شمارهٔ بیمه‌نامه", "نوع بیمه", "بیمه‌گذار", "کد ملی / شناسه", "نمایندگی",
                          "تاریخ شروع", "تاریخ پایان", "تاریخ صدور", "حق بیمه (ریال)", "وضعیت"]

    static func text(_ rows: [PolicyPages.Row]) -> String {
        let lines = [headers] + rows.map { r in
            [r.number == "—" ? "" : r.number, r.product, r.customer, r.customerCode, r.agency,
             r.startDate, r.endDate, r.issueDate, String(r.premium), r.status]
        }
        return "\u{FEFF}" + lines.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes what needs it; a cell a spreadsheet would run as a formula gets a leading apostrophe.
    static func cell(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        guard v.contains(where: { ",\"\r\n".contains($0) }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func response(_ rows: [PolicyPages.Row]) throws -> Response {
        let res = Response(status: .ok, body: .init(string: text(rows)))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.remove(name: .contentDisposition)
        res.headers.add(name: .contentDisposition, value: "attachment; filename=\"policies.csv\"")
        return res
    }
}
