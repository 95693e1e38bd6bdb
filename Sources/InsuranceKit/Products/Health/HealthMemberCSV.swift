import Foundation

/// R-SH-10: a group's member list as a CSV file (UTF-8, an optional BOM, CRLF or LF, commas,
/// RFC 4180 quotes within a line). The first line names the columns:
/// `nationalCode,firstName,lastName,birthDate,sex,relation,mainNationalCode[,student][,married]`
/// (any order). Values may use Persian digits; sex `male`/`female` or «مرد»/«زن»; relation
/// `main`/`spouse`/`child`/`parent` or «اصلی»/«همسر»/«فرزند»/«والد»; flags `yes`/`no`, `true`/
/// `false` or «بله»/«خیر». Every bad row is reported with its line number (1 = the header) and
/// nothing is taken from a file with any bad row.
public enum HealthMemberCSV: Sendable {
    public static let requiredColumns = ["nationalCode", "firstName", "lastName", "birthDate", "sex", "relation", "mainNationalCode"]
    public static let optionalColumns = ["student", "married"]
    /// The first problems, in line order, are reported; a file of 100,000 bad rows is not a 100,000-line answer.
    public static let maxRejections = 200

    public enum Outcome: Sendable {
        case members([HealthPerson])
        case rejected([RowRejection])
    }

    public static func parse(_ data: Data) -> Outcome {
        guard let text = String(data: data, encoding: .utf8) else {
            return .rejected([RowRejection(lineNumber: 1, code: "invalid-encoding", reason: "پرونده باید متن UTF-8 باشد.")])
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard var header = lines.first else {
            return .rejected([RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده خالی است.")])
        }
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        if !header.contains(","), header.contains(";") || header.contains("\t") {
            return .rejected([RowRejection(lineNumber: 1, code: "wrong-delimiter", reason: "جداکنندهٔ ستون‌ها باید ویرگول انگلیسی (,) باشد.")])
        }
        let names = split(header).map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = requiredColumns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .rejected([RowRejection(lineNumber: 1, code: "missing-columns", reason: "ستون‌های لازم نیامده است: \(missing.joined(separator: "، ")).")])
        }
        guard lines.count - 1 <= HealthInputs.maxPersons else {
            return .rejected([RowRejection(lineNumber: 1, code: "too-many-rows",
                                          reason: "فهرست حداکثر \(Normalize.persianDigits(String(HealthInputs.maxPersons))) عضو دارد (اکنون \(Normalize.persianDigits(String(lines.count - 1)))).")])
        }
        var persons: [HealthPerson] = []
        var rejections: [RowRejection] = []
        var seen: [String: Int] = [:]
        for (offset, line) in lines.dropFirst().enumerated() where rejections.count < maxRejections {
            let number = offset + 2
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let fields = split(line)
            guard fields.count == names.count else {
                rejections.append(RowRejection(lineNumber: number, code: "wrong-field-count",
                                               reason: "این سطر \(Normalize.persianDigits(String(fields.count))) ستون دارد؛ \(Normalize.persianDigits(String(names.count))) ستون لازم است."))
                continue
            }
            let row = Dictionary(zip(names, fields.map { Normalize.text($0) }), uniquingKeysWith: { a, _ in a })
            switch person(row) {
            case .success(let person):
                if let first = seen[person.nationalCode] {
                    rejections.append(RowRejection(lineNumber: number, code: "duplicate-row",
                                                   reason: "کد ملی \(Normalize.persianDigits(person.nationalCode)) در سطر \(Normalize.persianDigits(String(first))) هم آمده است."))
                } else {
                    seen[person.nationalCode] = number
                    persons.append(person)
                }
            case .failure(let problem):
                rejections.append(RowRejection(lineNumber: number, code: problem.code, reason: problem.message))
            }
        }
        if persons.isEmpty && rejections.isEmpty {
            rejections.append(RowRejection(lineNumber: 1, code: "empty-file", reason: "پرونده هیچ عضوی ندارد."))
        }
        return rejections.isEmpty ? .members(persons) : .rejected(rejections)
    }

    private static func person(_ row: [String: String]) -> Result<HealthPerson, DomainError> {
        func fail(_ code: String, _ column: String, _ message: String) -> Result<HealthPerson, DomainError> {
            .failure(DomainError(code: code, message: "ستون \(column) («\(String((row[column] ?? "").prefix(30)))»): \(message)", field: column))
        }
        let code: String
        do { code = try NationalCode(row["nationalCode"] ?? "").value } catch let e as DomainError { return fail(e.code, "nationalCode", e.message) } catch {
            return fail("invalid-national-code", "nationalCode", "کد ملی معتبر نیست.")
        }
        let birth: JalaliDate
        do { birth = try JalaliDate(parsing: Normalize.digits(row["birthDate"] ?? "")) } catch let e as DomainError { return fail(e.code, "birthDate", e.message) } catch {
            return fail("invalid-date", "birthDate", "تاریخ معتبر نیست.")
        }
        guard let sex = sexes[(row["sex"] ?? "").lowercased()] else { return fail("invalid-sex", "sex", "جنسیت باید male/female یا مرد/زن باشد.") }
        guard let relation = relations[(row["relation"] ?? "").lowercased()] else {
            return fail("invalid-relation", "relation", "نسبت باید main، spouse، child، parent یا اصلی، همسر، فرزند، والد باشد.")
        }
        var main: String?
        if let raw = row["mainNationalCode"], !raw.isEmpty {
            do { main = try NationalCode(raw).value } catch let e as DomainError { return fail(e.code, "mainNationalCode", e.message) } catch {
                return fail("invalid-national-code", "mainNationalCode", "کد ملی معتبر نیست.")
            }
        } else if relation != .main {
            return fail("main-person-required", "mainNationalCode", "برای وابسته، کد ملی عضو اصلی را بنویسید.")
        }
        var flags: [String: Bool] = [:]
        for column in optionalColumns {
            guard let raw = row[column], !raw.isEmpty else { continue }
            guard let flag = booleans[raw.lowercased()] else { return fail("invalid-flag", column, "مقدار باید yes/no یا بله/خیر باشد.") }
            flags[column] = flag
        }
        let first = row["firstName"].flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        let last = row["lastName"].flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        return .success(HealthPerson(nationalCode: code, firstName: first, lastName: last, birthDate: birth, sex: sex, relation: relation,
                                     mainNationalCode: main, student: flags["student"], married: flags["married"]))
    }

    static let sexes: [String: HealthPerson.Sex] = ["male": .male, "female": .female, "مرد": .male, "زن": .female]
    static let relations: [String: HealthPerson.Relation] = [
        "main": .main, "spouse": .spouse, "child": .child, "parent": .parent,
        "اصلی": .main, "همسر": .spouse, "فرزند": .child, "والد": .parent,
    ]
    static let booleans: [String: Bool] = ["yes": true, "no": false, "true": true, "false": false, "بله": true, "خیر": false]

    /// One line's fields: commas outside double quotes separate; "" inside quotes is a quote.
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var characters = line.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { current.append("\"") } else {
                            quoted = false
                            if next == "," { fields.append(current); current = "" } else { current.append(next) }
                        }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
