/// R-SH-02, R-SH-10: who may be insured under which kind of plan, checked at quote and at every
/// change (an endorsement re-prices the new list the same way). Ages are completed years on the
/// start date.
public enum HealthPersonRules: Sendable {
    /// Main insured of an individual or family plan, and a group's members.
    public static let mainAges = 18...70
    /// Parents join family plans (and a group member's first-degree family) up to this age.
    public static let parentMaxAge = 80
    /// A spouse is priced in the 0–70 bands like any adult.
    public static let spouseMaxAge = 70
    /// Sons are dependants up to 22, beyond that while studying up to 25 (D-GH: study certificate
    /// for sons 18–25; CHOSEN as the bound for every kind, the seeds give none for individuals).
    public static let sonAge = 22
    public static let studyingSonMaxAge = 25
    /// Group health (تمام درمان, D-GH): from this age to 25 a son is taken only with a study
    /// certificate (`student: true`; the certificate stays in the group's file), not to 22 freely.
    public static let groupStudyFromAge = 18
    /// Daughters up to 18, beyond that while unmarried (seed 001), priced up to 70.
    public static let daughterAge = 18
    public static let unmarriedDaughterMaxAge = 70

    /// Reports every problem of the person list into `reader`, with the person's field path.
    static func check(_ inputs: HealthInputs, start: JalaliDate, tariff: HealthTariff, into reader: inout InputReader) {
        var seen = Set<String>()
        var mains = Set<String>()
        var currentMain: String?
        for (index, person) in inputs.persons.enumerated() {
            let path = "inputs.persons[\(index)]"
            if !seen.insert(person.nationalCode).inserted {
                reader.fail("duplicate-person", "کد ملی \(Normalize.persianDigits(person.nationalCode)) دو بار در فهرست بیمه‌شدگان آمده است.",
                            at: path + ".nationalCode")
            }
            guard person.birthDate <= start else {
                reader.fail("invalid-birth-date", "تاریخ تولد پس از شروع بیمه‌نامه است.", at: path + ".birthDate")
                continue
            }
            let age = person.age(on: start)
            switch person.relation {
            case .main:
                if inputs.kind != .group && !mains.isEmpty {
                    reader.fail("one-main-person", "طرح انفرادی یا خانوادگی یک بیمه‌شدهٔ اصلی دارد.", at: path + ".relation")
                }
                mains.insert(person.nationalCode)
                currentMain = person.nationalCode
                if !mainAges.contains(age) {
                    reader.fail("age-out-of-range", "سن بیمه‌شدهٔ اصلی باید ۱۸ تا ۷۰ سال باشد (اکنون \(InputReader.persian(age)) سال).",
                                at: path + ".birthDate")
                }
            case .spouse, .child, .parent:
                if inputs.kind == .individual {
                    reader.fail("individual-one-person", "طرح انفرادی فقط بیمه‌شدهٔ اصلی را می‌پذیرد؛ برای خانواده طرح خانوادگی را برگزینید.",
                                at: path + ".relation")
                    continue
                }
                let owner = person.mainNationalCode ?? currentMain
                if owner == nil || !(mains.contains(owner!) || inputs.persons.contains { $0.relation == .main && $0.nationalCode == owner }) {
                    reader.fail("main-person-required", "برای هر وابسته، بیمه‌شدهٔ اصلی او باید پیش از او در فهرست بیاید.", at: path + ".relation")
                }
                checkDependant(person, age: age, kind: inputs.kind, at: path, into: &reader)
            }
        }
        if mains.isEmpty, !inputs.persons.isEmpty {
            reader.fail("main-person-required", "فهرست بیمه‌شدگان باید بیمه‌شدهٔ اصلی داشته باشد.", at: "inputs.persons")
        }
        if inputs.kind == .group, mains.count < tariff.minimumGroupMembers {
            reader.fail("group-too-small", "قرارداد گروهی دست‌کم \(InputReader.persian(tariff.minimumGroupMembers)) عضو اصلی لازم دارد (اکنون \(InputReader.persian(mains.count))).",
                        at: "inputs.persons")
        }
    }

    private static func checkDependant(_ person: HealthPerson, age: Int, kind: HealthInputs.Kind, at path: String, into reader: inout InputReader) {
        switch person.relation {
        case .spouse:
            if age > spouseMaxAge {
                reader.fail("age-out-of-range", "سن همسر حداکثر ۷۰ سال است.", at: path + ".birthDate")
            }
        case .parent:
            if age > parentMaxAge {
                reader.fail("age-out-of-range", "سن پدر و مادر حداکثر ۸۰ سال است.", at: path + ".birthDate")
            }
        case .child:
            let dependant: Bool
            switch person.sex {
            case .male where kind == .group:
                dependant = age < groupStudyFromAge || (person.student == true && age <= studyingSonMaxAge)
            case .male: dependant = age <= sonAge || (person.student == true && age <= studyingSonMaxAge)
            case .female: dependant = age <= daughterAge || (person.married != true && age <= unmarriedDaughterMaxAge)
            }
            if !dependant {
                let rule = person.sex == .female ? "دختران تا ۱۸ سالگی و پس از آن تا زمانی که مجردند"
                    : kind == .group ? "در بیمهٔ گروهی پسران ۱۸ تا ۲۵ ساله فقط با گواهی اشتغال به تحصیل (student)"
                    : "پسران تا ۲۲ سالگی و پس از آن تا ۲۵ سالگی فقط در حال تحصیل"
                reader.fail("not-a-dependant", "این فرزند (\(InputReader.persian(age)) ساله) تحت تکفل شمرده نمی‌شود: \(rule).", at: path + ".birthDate")
            }
        case .main:
            break
        }
    }
}
