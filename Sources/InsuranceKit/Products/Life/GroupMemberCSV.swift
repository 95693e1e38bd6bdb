import Foundation

/// R-GL-04/09: group life members as a CSV file (UTF-8, optional BOM, commas, RFC 4180 quotes):
/// the first line names the columns of the API's member object, any order,
/// `firstName,lastName,birthDate,birthCertificateNumber,placeOfIssue,jobTitle[,nationalCode]`.
/// The file's own problems (encoding, header, a line's field count) are reported by line; each
/// row becomes the API's object, so the rules check it as they check JSON (each row keeps its line).
public enum GroupMemberCSV {
    public static let requiredColumns = ["firstName", "lastName", "birthDate", "birthCertificateNumber", GroupMemberList.issuePlaceField, "jobTitle"]
    public static let optionalColumns = ["nationalCode"]
    public static var header: String { (requiredColumns + optionalColumns).joined(separator: ",") }

    /// One member's fields as typed, and its line in the file.
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String: String]
    }

    public enum Outcome: Sendable {
        case rows([Row])
        case rejected([RowRejection])
    }

    public static func parse(_ data: Data) -> Outcome {
        guard let text = String(data: data, encoding: .utf8) else {
            return .rejected([RowRejection(lineNumber: 1, code: "invalid-encoding", reason: "پرونده باید متن UTF-8 باشد.")])
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard var header = lines.first else { return .rejected([RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده خالی است.")]) }
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        let names = HealthMemberCSV.split(header).map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = requiredColumns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "missing-columns", reason: "ستون‌های لازم نیامده است: \(missing.joined(separator: "، ")).")])
        }
        let unknown = names.filter { !(requiredColumns + optionalColumns).contains($0) }
        guard unknown.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "unknown-columns", reason: "ستون‌های ناشناخته: \(unknown.joined(separator: "، ")).")])
        }
        var rows: [Row] = []
        var rejections: [RowRejection] = []
        for (offset, line) in lines.dropFirst().enumerated() where rejections.count < HealthMemberCSV.maxRejections {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let fields = HealthMemberCSV.split(line)
            guard fields.count == names.count else {
                rejections.append(RowRejection(lineNumber: offset + 2, code: "wrong-field-count",
                                               reason: "این سطر \(Normalize.persianDigits(String(fields.count))) ستون دارد؛ \(Normalize.persianDigits(String(names.count))) ستون لازم است."))
                continue
            }
            var row: [String: String] = [:]
            for (name, value) in zip(names, fields) {
                let text = Normalize.text(value)
                if !text.isEmpty { row[name] = text }
            }
            rows.append(Row(line: offset + 2, fields: row))
        }
        if rows.isEmpty && rejections.isEmpty {
            rejections.append(RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده هیچ بیمه‌شده‌ای ندارد."))
        }
        return rejections.isEmpty ? .rows(rows) : .rejected(rejections)
    }
}
