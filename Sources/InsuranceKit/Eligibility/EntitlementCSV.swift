/// The entitlement import file of API.md: header `nationalCode,insuranceNumber,validTo,relation,plan`,
/// one covered person per line. The CLI feeds it ~10M lines, so rows are checked on UTF-8 bytes
/// with ASCII fast paths; anything unusual (Persian digits, quotes, NBSP) falls back to the
/// general validators, which give the same results.
public enum EntitlementCSV {
    public static let header = ["nationalCode", "insuranceNumber", "validTo", "relation", "plan"]

    /// Tolerates a UTF-8 BOM, CRLF, spaces around names and quoted names; the names and their
    /// order are exact. Throws "invalid-csv-header".
    public static func checkHeader(_ line: Substring) throws {
        var line = line
        let ok = line.withUTF8 { buffer -> Bool in
            let body = CSVFields.lineBody(buffer)
            let split = CSVFields.splitFive(body).map(fieldsAsStrings) ?? fieldsAsStrings(CSVFields.splitQuoted(body))
            return split == header
        }
        guard ok else { throw DomainError.invalidEntitlementHeader }
    }

    /// The first problem of the row wins, in column order. `validFrom` is nil for imported rows.
    /// Line breaks inside quoted fields are not supported (the caller splits on lines).
    public static func parseRow(_ line: Substring, lineNumber: Int) -> Result<Entitlement, RowRejection> {
        var line = line
        return line.withUTF8 { buffer in
            let body = CSVFields.lineBody(buffer)
            if let split = CSVFields.splitFive(body) { return row(split, lineNumber) }
            return row(CSVFields.splitQuoted(body), lineNumber)
        }
    }

    // MARK: Internals

    private static func fieldsAsStrings<F: BidirectionalCollection>(_ split: CSVFields.Split<F>) -> [String]?
    where F.Element == UInt8 {
        guard case .fields(let a, let b, let c, let d, let e) = split else { return nil }
        return [a, b, c, d, e].map { String(decoding: ASCIIBytes.trimmed($0), as: UTF8.self) }
    }

    private static func row<F: BidirectionalCollection>(_ split: CSVFields.Split<F>, _ line: Int)
    -> Result<Entitlement, RowRejection> where F.Element == UInt8 {
        switch split {
        case .wrongCount(let count):
            let found = Normalize.persianDigits(String(count))
            return .failure(RowRejection(lineNumber: line, code: RowRejection.Code.wrongFieldCount,
                                         reason: "هر سطر باید ۵ ستون داشته باشد؛ این سطر \(found) ستون دارد."))
        case .malformedQuotes:
            return .failure(RowRejection(lineNumber: line, code: RowRejection.Code.malformedQuotes,
                                         reason: "علامت نقل‌قول (\") در این سطر درست بسته نشده است."))
        case .fields(let id, let number, let date, let relation, let plan):
            do throws(RowRejection) {
                return .success(Entitlement(
                    person: try EntitlementFields.person(id, line: line),
                    insuranceNumber: try EntitlementFields.insuranceNumber(number, line: line),
                    validFrom: nil,
                    validTo: try EntitlementFields.validTo(date, line: line),
                    relation: try EntitlementFields.relation(relation, line: line),
                    plan: try EntitlementFields.plan(plan, line: line)))
            } catch {
                return .failure(error)
            }
        }
    }
}
