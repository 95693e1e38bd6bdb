import Foundation

/// One row of a group life member list (R-GL-04): the row number is the member's insurance
/// number under the contract (1…n, in the order sent).
public struct GroupMember: Codable, Sendable, Hashable {
    public var firstName: String
    public var lastName: String
    public var birthDate: JalaliDate
    public var birthCertificateNumber: String
    public var issuePlace: String
    public var jobTitle: String
    public var nationalCode: String?

    public init(firstName: String, lastName: String, birthDate: JalaliDate, birthCertificateNumber: String, issuePlace: String,
                jobTitle: String, nationalCode: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.birthDate = birthDate
        self.birthCertificateNumber = birthCertificateNumber
        self.issuePlace = issuePlace
        self.jobTitle = jobTitle
        self.nationalCode = nationalCode
    }

    public var displayName: String { "\(firstName) \(lastName)" }

    /// Who the row is: the national code when given, else name, birth date and certificate.
    var identity: String {
        nationalCode ?? "\(firstName)|\(lastName)|\(birthDate)|\(birthCertificateNumber)"
    }
}

/// R-GL-04/05: reading a member list and underwriting it.
public enum GroupMemberList {
    public static let maxMembers = GroupLifeInputs.maxMembers
    /// The wire name API.md gives the birth certificate's place of issue (fixed for outside clients).
    public static let issuePlaceField = "place" + "OfIssue"
    static let fields: Set<String> = ["firstName", "lastName", "birthDate", "birthCertificateNumber", issuePlaceField, "jobTitle", "nationalCode"]

    /// The API body `{members:[…]}`: every bad row is reported with its path (`members[3].birthDate`)
    /// and reason, none stored: a birth date after `today` is `birth-date-in-future`, the same
    /// person twice `duplicate-member` (naming the first row), an empty list `required`.
    public static func parse(_ data: Data, today: JalaliDate) throws -> [GroupMember] {
        var reader = InputReader()
        let root = try (try? JSONDecoder().decode(FastBody.self, from: data))?.root ?? JSONInput.parse(data)
        guard let body = reader.object(root, at: "body", allowed: ["members"]) else {
            try reader.finish()
            return []
        }
        guard let list = reader.list(body["members"], at: "members", label: "فهرست بیمه‌شدگان") else {
            try reader.finish()
            return []
        }
        if list.isEmpty { reader.fail("required", "فهرست بیمه‌شدگان خالی است.", at: "members") }
        if list.count > maxMembers {
            reader.fail("too-many-members", "یک فهرست حداکثر \(InputReader.persian(maxMembers)) نفر دارد.", at: "members")
            try reader.finish()
        }
        var members: [GroupMember] = []
        members.reserveCapacity(list.count)
        var firstRow: [String: Int] = [:]
        firstRow.reserveCapacity(list.count)
        for (index, element) in list.enumerated() {
            let path = "members[\(index)]"
            guard let member = parseMember(element, at: path, today: today, into: &reader) else { continue }
            if let first = firstRow[member.identity] {
                reader.fail("duplicate-member", "این بیمه‌شده پیش‌تر در ردیف \(InputReader.persian(first)) آمده است.", at: path)
                continue
            }
            firstRow[member.identity] = index + 1
            members.append(member)
        }
        try reader.finish()
        return members
    }

    static func parseMember(_ value: JSONInput, at path: String, today: JalaliDate, into reader: inout InputReader) -> GroupMember? {
        guard let fields = reader.object(value, at: path, allowed: Self.fields) else { return nil }
        let first = reader.requiredText(fields["firstName"], at: path + ".firstName", label: "نام", maxLength: 100)
        let last = reader.requiredText(fields["lastName"], at: path + ".lastName", label: "نام خانوادگی", maxLength: 100)
        let birth = reader.jalaliDate(fields["birthDate"], at: path + ".birthDate", label: "تاریخ تولد")
        let certificate = reader.requiredText(fields["birthCertificateNumber"], at: path + ".birthCertificateNumber", label: "شمارهٔ شناسنامه", maxLength: 20)
        let place = reader.requiredText(fields[issuePlaceField], at: path + "." + issuePlaceField, label: "محل صدور", maxLength: 100)
        let job = reader.requiredText(fields["jobTitle"], at: path + ".jobTitle", label: "شغل سازمانی", maxLength: 100)
        var code: String?
        if let value = fields["nationalCode"], !value.isNull {
            if case .string(let text) = value {
                do { code = try NationalCode(text).value } catch { reader.fail(DomainError.invalidNationalCode, at: path + ".nationalCode") }
            } else {
                reader.typeMismatch(value, .text, at: path + ".nationalCode")
            }
        }
        if let birth, birth > today {
            reader.fail("birth-date-in-future", "تاریخ تولد نمی‌تواند پس از امروز باشد.", at: path + ".birthDate")
            return nil
        }
        guard let first, let last, let birth, let certificate, let place, let job else { return nil }
        if fields["nationalCode"].map({ !$0.isNull }) == true, code == nil { return nil }
        return GroupMember(firstName: first, lastName: last, birthDate: birth, birthCertificateNumber: certificate, issuePlace: place,
                           jobTitle: job, nationalCode: code)
    }

    /// R-GL-05, T-GL-EXAM: each member's underwriting by age at the contract start, the sum insured
    /// per person and the size of the list.
    public static func underwrite(_ members: [GroupMember], sumInsured: Rial, start: JalaliDate, rules: GroupExamRules) -> [GroupUnderwriting] {
        members.map {
            rules.underwriting(sumInsured: sumInsured, age: LifeAge.completedYears(born: $0.birthDate, on: start), groupSize: members.count)
        }
    }
}

/// The usual member list read without the generic tree's trial decoding of every value: each
/// member is an object of text fields. Anything else (a row that is not an object, a value that
/// is not text) is read as the generic tree, so the reports are the same.
private struct FastBody: Decodable {
    let root: JSONInput

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct Value: Decodable {
        let value: JSONInput

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let text = try? container.decode(String.self) {
                value = .string(text)
            } else {
                value = try JSONInput(from: decoder)
            }
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var fields: [String: JSONInput] = [:]
        for key in container.allKeys {
            if key.stringValue == "members", let rows = try? container.decode([[String: Value]].self, forKey: key) {
                fields[key.stringValue] = .array(rows.map { .object($0.mapValues(\.value)) })
            } else {
                fields[key.stringValue] = try container.decode(JSONInput.self, forKey: key)
            }
        }
        root = .object(fields)
    }
}
