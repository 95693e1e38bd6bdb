import Foundation

/// R-GL-04: the member list as a CSV file (UTF-8, an optional BOM, CRLF or LF, commas, RFC 4180
/// quotes within a line). The first line names the columns, in any order:
/// `firstName,lastName,birthDate,birthCertificateNumber,placeOfIssue,jobTitle[,nationalCode]`.
/// Digits may be Persian. The file becomes the API's body `{members:[…]}` so the web and the API
/// share one reading (GroupMemberList.parse); a problem of row `members[i]` is line i + 2.
public enum GroupMemberCSV: Sendable {
    public static let requiredColumns = ["firstName", "lastName", "birthDate", "birthCertificateNumber", GroupMemberList.issuePlaceField, "jobTitle"]
    public static let optionalColumns = ["nationalCode"]
    public static var header: String { (requiredColumns + optionalColumns).joined(separator: ",") }

    public enum Outcome: Sendable {
        /// The API's `{members:[…]}`.
        case body(Data)
        case rejected([RowRejection])
    }

    /// The API body, or the file's own problems (encoding, header, a line of the wrong width),
    /// each with its line number (1 = the header).
    public static func body(_ data: Data) -> Outcome {
        guard let text = String(data: data, encoding: .utf8) else {
            return .rejected([RowRejection(lineNumber: 1, code: "invalid-encoding", reason: "پرونده باید متن UTF-8 باشد.")])
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        guard var header = lines.first else {
            return .rejected([RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده خالی است.")])
        }
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        if header.hasSuffix("\r") { header.removeLast() }
        if !header.contains(","), header.contains(";") || header.contains("\t") {
            return .rejected([RowRejection(lineNumber: 1, code: "wrong-delimiter", reason: "جداکنندهٔ ستون‌ها باید ویرگول انگلیسی (,) باشد.")])
        }
        let names = split(header).map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = requiredColumns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "missing-columns", reason: "ستون‌های لازم نیامده است: \(missing.joined(separator: "، ")).")])
        }
        let unknown = names.filter { !requiredColumns.contains($0) && !optionalColumns.contains($0) }
        guard unknown.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "unknown-columns", reason: "ستون ناشناخته: \(unknown.joined(separator: "، ")).")])
        }
        guard lines.count - 1 <= GroupMemberList.maxMembers else {
            return .rejected([RowRejection(lineNumber: 1, code: "too-many-members",
                                          reason: "یک فهرست حداکثر \(Normalize.persianDigits(String(GroupMemberList.maxMembers))) نفر دارد.")])
        }
        var rows: [[String: String]] = []
        var rejections: [RowRejection] = []
        for (offset, raw) in lines.dropFirst().enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            let fields = split(line)
            guard fields.count == names.count else {
                rejections.append(RowRejection(lineNumber: offset + 2, code: "wrong-field-count",
                                               reason: "این سطر \(Normalize.persianDigits(String(fields.count))) ستون دارد؛ \(Normalize.persianDigits(String(names.count))) ستون لازم است."))
                rows.append([:])
                continue
            }
            var row: [String: String] = [:]
            for (name, value) in zip(names, fields) {
                let text = Normalize.text(value)
                // an empty optional column is absent; dates and codes are read with Latin digits
                if text.isEmpty, optionalColumns.contains(name) { continue }
                row[name] = ["birthDate", "nationalCode", "birthCertificateNumber"].contains(name) ? Normalize.digits(text) : text
            }
            rows.append(row)
        }
        guard rejections.isEmpty else { return .rejected(rejections) }
        guard !rows.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده هیچ بیمه‌شده‌ای ندارد.")])
        }
        do {
            return .body(try JSONSerialization.data(withJSONObject: ["members": rows], options: [.sortedKeys]))
        } catch {
            return .rejected([RowRejection(lineNumber: 1, code: "invalid-file", reason: "پرونده خوانده نشد.")])
        }
    }

    /// The file line of an API path `members[i]…` (i + 2: line 1 is the header), else nil.
    public static func lineNumber(ofPath path: String) -> Int? {
        let prefix = "members["
        guard path.hasPrefix(prefix), let index = Int(path.dropFirst(prefix.count).prefix { $0.isNumber }) else { return nil }
        return index + 2
    }

    /// One line's fields: commas outside double quotes separate; "" inside quotes is a quote.
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false, previousQuote = false
        for c in line {
            if quoted {
                if c == "\"" { quoted = false; previousQuote = true } else { current.append(c) }
                continue
            }
            if c == "\"" {
                if previousQuote { current.append("\"") }
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previousQuote = false
        }
        fields.append(current)
        return fields
    }
}
