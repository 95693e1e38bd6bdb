import InsuranceKit
import Vapor

/// The policies list as a spreadsheet: UTF-8 with a BOM (so Excel reads the Persian), Persian
/// headers, amounts in whole rials with Latin digits (so they stay numbers); ReportCSV writes it.
enum PolicyListCSV {
    static let headers = ["شمارهٔ بیمه‌نامه", "نوع بیمه", "بیمه‌گذار", "کد ملی / شناسه", "نمایندگی",
                          "تاریخ شروع", "تاریخ پایان", "تاریخ صدور", "حق بیمه (ریال)", "وضعیت"]

    static func text(_ rows: [PolicyPages.Row]) -> String {
        ReportCSV.document(header: headers, rows: cells(rows))
    }

    static func cells(_ rows: [PolicyPages.Row]) -> [[String]] {
        rows.map { r in
            [r.number == "—" ? "" : r.number, r.product, r.customer, r.customerCode, r.agency,
             r.startDate, r.endDate, r.issueDate, String(r.premium), r.status]
        }
    }

    static func response(_ rows: [PolicyPages.Row]) throws -> Response {
        CSVDownload.response(header: headers, rows: cells(rows), filename: "policies.csv")
    }
}
