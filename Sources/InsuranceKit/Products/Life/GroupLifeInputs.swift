import Foundation

/// Validated group term life inputs (API.md): `{sumInsured, members, averageAge,
/// occupationalClass, covers}`, the request letter's figures (R-GL-01) and the class of the 75 %
/// majority (R-GL-02). Encoded with sorted keys this is the quote's `normalizedInputs`.
public struct GroupLifeInputs: Codable, Sendable, Hashable {
    /// Per person.
    public var sumInsured: Rial
    public var members: Int
    public var averageAge: Int
    public var occupationalClass: Int
    /// In `GroupLifeCover` order, each once.
    public var covers: [GroupLifeCover]

    public init(sumInsured: Rial, members: Int, averageAge: Int, occupationalClass: Int, covers: [GroupLifeCover]) {
        self.sumInsured = sumInsured
        self.members = members
        self.averageAge = averageAge
        self.occupationalClass = occupationalClass
        self.covers = Array(Set(covers)).sorted()
    }

    public static let maxMembers = 100_000
    /// CHOSEN: a group's average age is that of working people, 18–70.
    public static let averageAges = 18...70

    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static let fields: Set<String> = ["sumInsured", "members", "averageAge", "occupationalClass", "covers"]

    /// Every problem of the shape and ranges is collected in `reader`; nil when one is found.
    static func parse(_ data: Data, tariff: LifeTariff, into reader: inout InputReader) throws -> GroupLifeInputs? {
        let root = try JSONInput.parse(data)
        guard let fields = reader.object(root, at: "inputs", allowed: Self.fields) else { return nil }
        let sum = reader.positiveRial(fields["sumInsured"], at: "inputs.sumInsured", label: "سرمایهٔ هر نفر")
        let members = reader.requiredInteger(fields["members"], at: "inputs.members", label: "تعداد بیمه‌شدگان",
                                             range: 1...maxMembers, code: "invalid-members")
        let age = reader.requiredInteger(fields["averageAge"], at: "inputs.averageAge", label: "میانگین سنی",
                                         range: averageAges, code: "age-out-of-range")
        let classes = tariff.groupClasses.map(\.number)
        let klass = reader.requiredInteger(fields["occupationalClass"], at: "inputs.occupationalClass", label: "طبقهٔ شغلی",
                                           range: (classes.min() ?? 1)...(classes.max() ?? 5), code: "unknown-occupational-class")
        var covers: [GroupLifeCover] = []
        if let list = reader.list(fields["covers"], at: "inputs.covers", label: "پوشش‌ها") {
            for (index, element) in list.enumerated() {
                let path = "inputs.covers[\(index)]"
                if let code = reader.choice(element, at: path, label: "پوشش", allowed: GroupLifeCover.allCases.map(\.rawValue), code: "unknown-cover"),
                   let cover = GroupLifeCover(rawValue: code) {
                    covers.append(cover)
                }
            }
            if !list.isEmpty, covers.count == list.count, !covers.contains(.death) {
                reader.fail("death-cover-required", "پوشش فوت به هر علت پایهٔ قرارداد است؛ پوشش حادثه به آن افزوده می‌شود.", at: "inputs.covers")
            } else if list.isEmpty {
                reader.fail("required", "دست‌کم پوشش فوت (death) را انتخاب کنید.", at: "inputs.covers")
            }
        }
        guard let sum, let members, let age, let klass, !covers.isEmpty, covers.contains(.death) else { return nil }
        return GroupLifeInputs(sumInsured: sum, members: members, averageAge: age, occupationalClass: klass, covers: covers)
    }
}

extension InputReader {
    /// A whole number in `range`; "required" when absent, `code` when outside the range.
    mutating func requiredInteger(_ value: JSONInput?, at path: String, label: String, range: ClosedRange<Int>, code: String) -> Int? {
        guard let value, !value.isNull else {
            fail("required", "\(label) را وارد کنید.", at: path)
            return nil
        }
        let outside = "\(label) باید بین \(Self.persian(range.lowerBound)) و \(Self.persian(range.upperBound)) باشد."
        switch value {
        case .number(let decimal):
            switch Self.integer(decimal) {
            case .value(let n):
                guard n >= Int64(range.lowerBound), n <= Int64(range.upperBound) else {
                    fail(code, outside, at: path)
                    return nil
                }
                return Int(n)
            case .fraction: fail("non-integer", "\(label) باید عددی صحیح باشد.", at: path)
            case .overflow: fail(code, outside, at: path)
            }
        case .unrepresentableNumber(let tiny):
            fail(tiny ? "non-integer" : code, tiny ? "\(label) باید عددی صحیح باشد." : outside, at: path)
        default:
            typeMismatch(value, .number, at: path)
        }
        return nil
    }
}
