import InsuranceKit
import Vapor

/// A list as a spreadsheet download: ReportCSV's text (UTF-8 with a BOM, Persian headers, whole
/// rials with Latin digits) sent as an attachment.
enum CSVDownload {
    static func response(header: [String], rows: [[String]], filename: String) -> Response {
        let res = Response(status: .ok, body: .init(string: ReportCSV.document(header: header, rows: rows)))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.remove(name: .contentDisposition)
        res.headers.add(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return res
    }

    /// The most rows a download holds (the whole filtered list, within reason).
    static let limit = 20_000
}
