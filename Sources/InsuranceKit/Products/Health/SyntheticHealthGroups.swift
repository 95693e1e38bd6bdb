/// Deterministic group member lists for load tests (R-SH-10's shape): the same group number gives
/// the same persons, so a seeding command and a load generator in another process agree on who
/// is insured without sharing a file. Every fifth person of a block is, in turn: a main member,
/// his wife, their son, their daughter, and a single main member — so 2 of every 5 are main
/// members (a group of 25 or more has the 10 mains T-SH asks for), every dependant follows the
/// main member they belong to, and all ages fit R-SH-02 on any start in 1404–1406.
public enum SyntheticHealthGroups: Sendable {
    /// What the groups buy: silver with visits and drugs, with base insurance.
    public static let plan = "silver"
    public static let optionalCovers = ["visit-drugs"]
    /// Persons per group at most (each group owns a range of this many national codes).
    public static let maxGroupSize = 500_000
    public static let maxGroups = 899

    /// The national code of person `index` (0-based) of group `group`: unique over all groups,
    /// 10 digits with R-G-05's check digit.
    public static func nationalCode(group: Int, index: Int) -> String {
        precondition((0..<maxGroups).contains(group) && (0..<maxGroupSize).contains(index))
        let prefix = 100_000_000 + group * 1_000_000 + index
        // an all-same-digit prefix (111111111 …) has no valid code: the range's upper half stands in
        return (NationalCode.make(prefix: prefix) ?? NationalCode.make(prefix: prefix + maxGroupSize)!).value
    }

    public static func members(group: Int, size: Int) -> [HealthPerson] {
        (0..<size).map { person(group: group, index: $0) }
    }

    public static func person(group: Int, index: Int) -> HealthPerson {
        let family = index / 5
        let month = 1 + (index % 12), day = 1 + (index % 28)
        let last = lastNames[family % lastNames.count]
        func born(_ year: Int) -> JalaliDate { try! JalaliDate(year: year, month: month, day: day) }
        let code = nationalCode(group: group, index: index)
        switch index % 5 {
        case 0:
            return HealthPerson(nationalCode: code, firstName: men[family % men.count], lastName: last,
                                birthDate: born(1340 + family % 35), sex: .male, relation: .main)
        case 1:
            return HealthPerson(nationalCode: code, firstName: women[family % women.count], lastName: last,
                                birthDate: born(1345 + family % 32), sex: .female, relation: .spouse,
                                mainNationalCode: nationalCode(group: group, index: index - 1))
        case 2:
            return HealthPerson(nationalCode: code, firstName: men[(family + 3) % men.count], lastName: last,
                                birthDate: born(1388 + family % 12), sex: .male, relation: .child,
                                mainNationalCode: nationalCode(group: group, index: index - 2))
        case 3:
            return HealthPerson(nationalCode: code, firstName: women[(family + 3) % women.count], lastName: last,
                                birthDate: born(1390 + family % 10), sex: .female, relation: .child,
                                mainNationalCode: nationalCode(group: group, index: index - 3))
        default:
            return HealthPerson(nationalCode: code, firstName: women[(family + 5) % women.count], lastName: lastNames[(family + 7) % lastNames.count],
                                birthDate: born(1350 + family % 30), sex: .female, relation: .main)
        }
    }

    /// The members as the upload's CSV (HealthMemberCSV's header, LF line ends).
    public static func csv(_ members: [HealthPerson]) -> String {
        var out = "nationalCode,firstName,lastName,birthDate,sex,relation,mainNationalCode\n"
        out.reserveCapacity(members.count * 80)
        for p in members {
            out += "\(p.nationalCode),\(p.firstName ?? ""),\(p.lastName ?? ""),\(p.birthDate.description),\(p.sex.rawValue),\(p.relation.rawValue),\(p.mainNationalCode ?? "")\n"
        }
        return out
    }

    static let men = ["علی", "محمد", "حسین", "رضا", "مهدی", "امیر", "سعید", "حمید", "مجید", "کاوه", "بهرام"]
    static let women = ["مریم", "زهرا", "فاطمه", "سارا", "نرگس", "لیلا", "شیرین", "مینا", "پروین"]
    static let lastNames = ["احمدی", "رضایی", "کریمی", "حسینی", "موسوی", "جعفری", "صادقی", "رحیمی", "نوری", "کاظمی", "قاسمی", "یزدانی", "شریفی"]
}
