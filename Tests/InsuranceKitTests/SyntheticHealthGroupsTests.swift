import Foundation
import Testing
@testable import InsuranceKit

/// The benchmark's group member lists (R-SH-10): valid persons the rules accept, the same in
/// every process, and read back unchanged from their CSV.
@Suite("R-SH-03/R-SH-10 synthetic health groups for load tests")
struct SyntheticHealthGroupsTests {
    let start = try! JalaliDate(parsing: "1405/01/10")

    func quote(_ members: [HealthPerson]) throws -> ProductQuote {
        let inputs: [String: Any] = ["plan": "silver", "kind": "group", "hasBaseInsurance": true, "optionalCovers": ["visit-drugs"],
                                     "persons": try JSONSerialization.jsonObject(with: try JSONEncoder().encode(members))]
        return try SupplementaryHealth().quote(inputs: try JSONSerialization.data(withJSONObject: inputs), context: QuoteContext(date: start))
    }

    @Test("R-SH-03 the first family of group 0, silver group (90,000,000 × 70 % = 63,000,000) with visits and drugs (+10 %)")
    func firstFamily() throws {
        let lines = try quote(SyntheticHealthGroups.members(group: 0, size: 25)).lines
        #expect(lines.count == 25)
        // main born 1340/01/01: 65 → ×150 % = 94,500,000 + 9,450,000 = 103,950,000
        // wife born 1345/02/02: 59 → ×120 % = 75,600,000 + 7,560,000 = 83,160,000
        // son born 1388/03/03: 16 → ×100 % = 63,000,000 + 6,300,000 = 69,300,000
        // daughter born 1390/04/04: 14 → ×50 % = 31,500,000 + 3,150,000 = 34,650,000
        // single main born 1350/05/05: 54 → ×120 % = 83,160,000
        #expect(lines.prefix(5).map(\.amount.amount) == [103_950_000, 83_160_000, 69_300_000, 34_650_000, 83_160_000])
        let family = SyntheticHealthGroups.members(group: 0, size: 5)
        #expect(family.map(\.relation) == [.main, .spouse, .child, .child, .main])
        #expect(family[1...3].allSatisfy { $0.mainNationalCode == family[0].nationalCode })
    }

    @Test("R-SH-10 2,000 members: valid, distinct codes (not shared with the next group), accepted as a group, read back from their CSV")
    func largeGroup() throws {
        let members = SyntheticHealthGroups.members(group: 3, size: 2_000)
        #expect(members.allSatisfy { NationalCode.isValid($0.nationalCode) })
        let codes = Set(members.map(\.nationalCode))
        #expect(codes.count == 2_000)
        #expect(codes.isDisjoint(with: SyntheticHealthGroups.members(group: 4, size: 2_000).map(\.nationalCode)))
        #expect(try quote(members).lines.count == 2_000)
        guard case .members(let read) = HealthMemberCSV.parse(Data(SyntheticHealthGroups.csv(members).utf8)) else {
            Issue.record("the CSV is read without a rejection")
            return
        }
        #expect(read == members)
    }
}
