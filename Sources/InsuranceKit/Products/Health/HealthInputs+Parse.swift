import Foundation

extension HealthInputs {
    static let fields: Set<String> = ["plan", "kind", "persons", "hasBaseInsurance", "optionalCovers"]
    static let personFields: Set<String> = ["nationalCode", "firstName", "lastName", "birthDate", "sex", "relation",
                                            "mainNationalCode", "student", "married"]

    /// Reads the shape of every field (unknown names, types, codes, dates, national codes),
    /// collecting each problem in `reader`; nil when something essential is missing. Only
    /// malformed JSON throws here. The rules between persons are `HealthPersonRules`.
    static func parse(_ data: Data, tariff: HealthTariff, into reader: inout InputReader) throws -> HealthInputs? {
        let root = try JSONInput.parse(data)
        guard let fields = reader.object(root, at: "inputs", allowed: Self.fields) else { return nil }
        let plan = reader.choice(fields["plan"], at: "inputs.plan", label: "طرح", allowed: tariff.plans.map(\.code), code: "unknown-plan")
        let kind = reader.choice(fields["kind"], at: "inputs.kind", label: "نوع قرارداد", allowed: Kind.allCases.map(\.rawValue),
                                 code: "unknown-kind").flatMap(Kind.init(rawValue:))
        let base = reader.flag(fields["hasBaseInsurance"], at: "inputs.hasBaseInsurance", required: true)
        var optional: [String] = []
        if let value = fields["optionalCovers"], !value.isNull,
           let list = reader.list(value, at: "inputs.optionalCovers", label: "پوشش‌های اختیاری") {
            let offered = plan.flatMap(tariff.plan)?.optionalCovers.map(\.code) ?? []
            for (index, element) in list.enumerated() {
                let path = "inputs.optionalCovers[\(index)]"
                guard case .string(let code) = element else {
                    reader.typeMismatch(element, .text, at: path)
                    continue
                }
                if offered.contains(code) {
                    if !optional.contains(code) { optional.append(code) }
                } else if let plan, tariff.plan(plan) != nil {
                    reader.fail(offered.isEmpty ? "optional-cover-not-offered" : "unknown-cover",
                                offered.isEmpty ? "طرح «\(plan)» پوشش اختیاری ندارد."
                                    : "پوشش اختیاری «\(code)» در این طرح نیست؛ پوشش‌های اختیاری: \(offered.joined(separator: "، ")).",
                                at: path)
                }
            }
        }
        var persons: [HealthPerson] = []
        if let list = reader.list(fields["persons"], at: "inputs.persons", label: "فهرست بیمه‌شدگان") {
            if list.isEmpty {
                reader.fail("required", "دست‌کم یک بیمه‌شده (بیمه‌شدهٔ اصلی) لازم است.", at: "inputs.persons")
            } else if list.count > maxPersons {
                reader.fail("too-many-persons", "یک بیمه‌نامه حداکثر \(InputReader.persian(maxPersons)) بیمه‌شده دارد.", at: "inputs.persons")
                return nil
            }
            for (index, element) in list.enumerated() {
                if let person = parsePerson(element, at: "inputs.persons[\(index)]", into: &reader) { persons.append(person) }
            }
            guard persons.count == list.count else { return nil }
        }
        guard let plan, let kind, let base else { return nil }
        return HealthInputs(plan: plan, kind: kind, persons: persons, hasBaseInsurance: base,
                            optionalCovers: optional.sorted())
    }

    static func parsePerson(_ value: JSONInput, at path: String, into reader: inout InputReader) -> HealthPerson? {
        guard let fields = reader.object(value, at: path, allowed: personFields) else { return nil }
        let code = nationalCode(fields["nationalCode"], at: path + ".nationalCode", into: &reader)
        let main = fields["mainNationalCode"].flatMap { $0.isNull ? nil : nationalCode($0, at: path + ".mainNationalCode", into: &reader) }
        let first = reader.optionalText(fields["firstName"], at: path + ".firstName", label: "نام", maxLength: 100)
        let last = reader.optionalText(fields["lastName"], at: path + ".lastName", label: "نام خانوادگی", maxLength: 100)
        let birth = reader.jalaliDate(fields["birthDate"], at: path + ".birthDate", label: "تاریخ تولد")
        let sex = reader.choice(fields["sex"], at: path + ".sex", label: "جنسیت", allowed: HealthPerson.Sex.allCases.map(\.rawValue),
                                code: "invalid-sex").flatMap(HealthPerson.Sex.init(rawValue:))
        let relation = reader.choice(fields["relation"], at: path + ".relation", label: "نسبت",
                                     allowed: HealthPerson.Relation.allCases.map(\.rawValue), code: "invalid-relation")
            .flatMap(HealthPerson.Relation.init(rawValue:))
        let student = reader.flag(fields["student"], at: path + ".student", required: false)
        let married = reader.flag(fields["married"], at: path + ".married", required: false)
        guard let code, let birth, let sex, let relation else { return nil }
        return HealthPerson(nationalCode: code, firstName: first, lastName: last, birthDate: birth, sex: sex, relation: relation,
                            mainNationalCode: main, student: student, married: married)
    }

    private static func nationalCode(_ value: JSONInput?, at path: String, into reader: inout InputReader) -> String? {
        guard let value, !value.isNull else {
            reader.fail("required", "کد ملی را وارد کنید.", at: path)
            return nil
        }
        guard case .string(let text) = value else {
            reader.typeMismatch(value, .text, at: path)
            return nil
        }
        do {
            return try NationalCode(text).value
        } catch let error as DomainError {
            reader.fail(error, at: path)
        } catch {
            reader.fail(DomainError.invalidNationalCode, at: path)
        }
        return nil
    }
}
