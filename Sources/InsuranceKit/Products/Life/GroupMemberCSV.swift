import Foundation

/// R-GL-04/09: group life members as a CSV file (UTF-8, an optional BOM, CRLF or LF, commas,
/// RFC 4180 quotes within a line). The first line names the columns of the API's member object,
/// in any order: `requiredColumns`, then optionally `nationalCode` (`header` lists them all).
/// Digits may be Persian. The file's own problems (encoding, header, a line's width) are reported
/// by line; each row becomes the API's member object, so the rules check it as they check JSON,
/// and each keeps its line for the rules' messages.
public enum GroupMemberCSV: Sendable {
    public static let requiredColumns = ["firstName", "lastName", "birthDate", "birthCertificateNumber", GroupMemberList.issuePlaceField, "jobTitle"]
    public static let optionalColumns = ["nationalCode"]
    public static var header: String { (requiredColumns + optionalColumns).joined(separator: ",") }

    /// One member's fields as typed (empty cells left out), and its line in the file.
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String: String]
    }

    public enum Outcome: Sendable {
        case rows([Row])
        case rejected([RowRejection])
    }

    public enum Body: Sendable {
        /// The API's `{members:[…]}`, and the file line of each member in order.
        case body(Data, lines: [Int])
        case rejected([RowRejection])
    }

    /// The rows, or the file's own problems with their line numbers (1 = the header). Blank
    /// lines are skipped.
    public static func parse(_ data: Data) -> Outcome {
        guard let text = String(data: data, encoding: .utf8) else {
            return .rejected([RowRejection(lineNumber: 1, code: "invalid-encoding", reason: "پرونده باید متن UTF-8 باشد.")])
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard var header = lines.first, !header.trimmingCharacters(in: .whitespaces).isEmpty || lines.count > 1 else {
            return .rejected([RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده خالی است.")])
        }
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        if !header.contains(","), header.contains(";") || header.contains("\t") {
            return .rejected([RowRejection(lineNumber: 1, code: "wrong-delimiter", reason: "جداکنندهٔ ستون‌ها باید ویرگول انگلیسی (,) باشد.")])
        }
        let names = HealthMemberCSV.split(header).map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = requiredColumns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "missing-columns", reason: "ستون‌های لازم نیامده است: \(missing.joined(separator: "، ")).")])
        }
        let unknown = names.filter { !(requiredColumns + optionalColumns).contains($0) }
        guard unknown.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "unknown-columns", reason: "ستون‌های ناشناخته: \(unknown.joined(separator: "، ")).")])
        }
        guard lines.count - 1 <= GroupMemberList.maxMembers else {
            return .rejected([RowRejection(lineNumber: 1, code: "too-many-members",
                                          reason: "یک فهرست حداکثر \(Normalize.persianDigits(String(GroupMemberList.maxMembers))) نفر دارد.")])
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
                guard !text.isEmpty else { continue }
                // dates and codes are read with Latin digits
                row[name] = ["birthDate", "nationalCode", "birthCertificateNumber"].contains(name) ? Normalize.digits(text) : text
            }
            rows.append(Row(line: offset + 2, fields: row))
        }
        if rows.isEmpty && rejections.isEmpty {
            rejections.append(RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده هیچ بیمه‌شده‌ای ندارد."))
        }
        return rejections.isEmpty ? .rows(rows) : .rejected(rejections)
    }

    /// The API body of the file, for the member list's command (R-GL-04).
    public static func body(_ data: Data) -> Body {
        switch parse(data) {
        case .rejected(let rejections): return .rejected(rejections)
        case .rows(let rows):
            do {
                return .body(try JSONSerialization.data(withJSONObject: ["members": rows.map(\.fields)], options: [.sortedKeys]), lines: rows.map(\.line))
            } catch {
                return .rejected([RowRejection(lineNumber: 1, code: "invalid-file", reason: "پرونده خوانده نشد.")])
            }
        }
    }

    /// The file line of an API path `members[i]…` (or another list's, `prefix`): the i-th row's
    /// line, or i + 2 when the file had no blank lines (line 1 is the header); nil for another path.
    public static func lineNumber(ofPath path: String, prefix: String = "members[", lines: [Int]? = nil) -> Int? {
        guard path.hasPrefix(prefix), let index = Int(path.dropFirst(prefix.count).prefix { $0.isNumber }) else { return nil }
        if let lines { return lines.indices.contains(index) ? lines[index] : nil }
        return index + 2
    }
}
