import Foundation
import Testing
@testable import InsuranceKit

/// R-GL-09 member changes and life cancellations (R-GL-09, R-IL-01) in the Kit. The contract runs
/// 1405/01/10 → 1406/01/10 (365 days); class 2, 1,000,000,000, both covers: 8,280,000 a person.
@Suite("R-GL-09 member changes by months; R-GL-09/R-IL-01 cancellations")
struct GroupMemberChangeTests: RefusalCodes {
    let tariff = try! LifeTariff.forYear(1405)
    var premium: GroupLifePremium {
        GroupLifePremium(sumInsured: 1_000_000_000, occupationalClass: tariff.groupClass(2)!, covers: [.death, .accidentalDeath])
    }
    var term: PolicyTerm { try! PolicyTerm(from: try! jalali("1405/01/10"), to: try! jalali("1406/01/10")) }

    static func member(_ i: Int, born: String = "1365/01/01") -> [String: Any] {
        ["firstName": "عضو", "lastName": "ردیف \(i)", "birthDate": born, "birthCertificateNumber": "\(1000 + i)",
         GroupMemberList.issuePlaceField: "تهران", "jobTitle": "کارشناس"]
    }

    /// Rows 1…3; row 2 has a 50 % extra, row 3 was removed.
    var listed: [ListedMember] {
        (1...3).map { i in
            let m = GroupMember(firstName: "عضو", lastName: "ردیف \(i)", birthDate: try! jalali("1365/01/01"),
                                birthCertificateNumber: "\(1000 + i)", issuePlace: "تهران", jobTitle: "کارشناس")
            return ListedMember(row: i, member: m, extra: i == 2 ? Percent(50) : .zero, removed: i == 3)
        }
    }

    func parse(_ changes: [String: Any]) throws -> GroupMemberChange {
        try GroupMemberChange.parse(try JSONSerialization.data(withJSONObject: changes), listed: listed, today: try jalali("1405/07/15"))
    }

    @Test("R-GL-09 worked example: two added from 1405/07/15, 174 days → 6 months: 2 × 8,280,000 × 6 / 12 = 8,280,000")
    func addTwo() throws {
        let change = try parse(["addMembers": [Self.member(4), Self.member(5)]])
        // Mehr 15 + Aban…Bahman 4 × 30 + Esfand 29 + Farvardin 10 = 174; ceil(174 × 12 / 365) = ceil(5.72) = 6
        #expect(GroupLifePremium.remainingMonths(term: term, effective: try jalali("1405/07/15")) == 6)
        #expect(try change.premiumDelta(premium, listed: listed, term: term, effective: try jalali("1405/07/15")) == Rial(8_280_000))
        #expect(try change.annualChange(premium, listed: listed) == Rial(2 * 8_280_000))
        #expect(change.memberCountChange == 2)
    }

    @Test("R-GL-09 removing row 2 (50 % extra) on 1405/12/20: 1 month of (8,280,000 + 3,600,000) = −990,000")
    func removeWithExtra() throws {
        let change = try parse(["removeRows": [2]])
        // 19 days left; ceil(19 × 12 / 365) = ceil(0.62) = 1; extra = 7,200,000 × 50 % = 3,600,000
        // (8,280,000 + 3,600,000) × 1 / 12 = 11,880,000 / 12 = 990,000
        #expect(try change.premiumDelta(premium, listed: listed, term: term, effective: try jalali("1405/12/20")) == Rial(-990_000))
        #expect(try change.annualChange(premium, listed: listed) == Rial(-11_880_000))
    }

    @Test("R-GL-09 refusals: unknown row, a row twice, a removed row, a member twice, both changes, every member, outside the term")
    func refusals() throws {
        #expect(codes { try parse(["removeRows": [7]]) } == ["changes.removeRows[0]": "unknown-member-row"])
        #expect(codes { try parse(["removeRows": [1, 1]]) } == ["changes.removeRows[1]": "duplicate-row"])
        #expect(codes { try parse(["removeRows": [3]]) } == ["changes.removeRows[0]": "member-already-removed"])
        // rows 1 and 2 are the active ones: removing both leaves nobody
        #expect(codes { try parse(["removeRows": [1, 2]]) } == ["changes.removeRows": "group-empty"])
        #expect(codes { try parse(["addMembers": [Self.member(8), Self.member(8)]]) } == ["changes.addMembers[1]": "duplicate-member"])
        #expect(codes { try parse(["addMembers": [Self.member(1)]]) } == ["changes.addMembers[0]": "duplicate-member"])
        // row 3 was removed: the same person may join again
        #expect(codes { try parse(["addMembers": [Self.member(3)]]) } == [:])
        #expect(codes { try parse(["addMembers": [Self.member(9)], "removeRows": [1]]) } == ["changes": "member-change-required"])
        #expect(codes { try parse([:]) } == ["changes": "member-change-required"])
        #expect(codes { try parse(["addMembers": [Self.member(9, born: "1406/01/01")]]) } == ["changes.addMembers[0].birthDate": "birth-date-in-future"])
        let change = try parse(["removeRows": [1]])
        #expect(codes { try change.premiumDelta(premium, listed: listed, term: term, effective: try jalali("1405/01/10")) }
                    == ["effectiveDate": "endorsement-outside-term"])
    }

    @Test("R-GL-09 cancelling the contract effective 1405/07/15 (6 months) refunds 828,000,000 × 6 / 12 = 414,000,000 of 828,000,000 paid")
    func groupCancellation() throws {
        let outcome = try LifeCancellation.groupContract(annualPremium: 828_000_000, charged: 828_000_000, paid: 828_000_000, term: term,
                                                         noticeDate: try jalali("1405/06/26"), noticeDays: 20)
        #expect(outcome.effectiveDate == (try jalali("1405/07/15")))
        #expect(outcome.method == "months")
        #expect(outcome.retained == Rial(828_000_000 - 414_000_000))
        #expect(outcome.refund == Rial(414_000_000))
        #expect(outcome.owed == .zero)
        // half paid (414,000,000): nothing back, nothing owed
        let half = try LifeCancellation.groupContract(annualPremium: 828_000_000, charged: 828_000_000, paid: 414_000_000, term: term,
                                                      noticeDate: try jalali("1405/06/26"), noticeDays: 20)
        #expect(half.refund == .zero && half.owed == .zero)
    }

    @Test("R-IL-01 term life cancelled: the 4,500,000 paid is kept, nothing refunded, the later years not owed")
    func termLifeCancellation() throws {
        let tenYears = try PolicyTerm(from: try jalali("1405/01/10"), to: try jalali("1415/01/10"))
        let outcome = try LifeCancellation.termLife(paid: 4_500_000, term: tenYears, noticeDate: try jalali("1405/03/01"), noticeDays: 20)
        #expect(outcome.effectiveDate == (try jalali("1405/03/21")))
        #expect(outcome.retained == Rial(4_500_000))
        #expect(outcome.refund == .zero)
        #expect(outcome.owed == .zero)
        #expect(outcome.method == "no-refund")
    }
}

@Suite("R-GL-09 group life members from a CSV file")
struct GroupMemberCSVTests {
    static let header = GroupMemberCSV.header

    @Test("R-GL-09 rows keep their line (a blank line skipped); quoted commas kept; empty cells left out")
    func rows() throws {
        let csv = "\u{FEFF}" + [Self.header, "علی,نو,۱۳۷۰/۰۳/۰۱,501,تهران,کارشناس,", "", "\"رضا, جواد\",نو,1371/03/01,502,تهران,کارشناس,0076229645"].joined(separator: "\r\n")
        guard case .rows(let rows) = GroupMemberCSV.parse(Data(csv.utf8)) else { Issue.record("rejected"); return }
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[0].fields["nationalCode"] == nil)
        #expect(rows[1].fields["firstName"] == "رضا, جواد")
        #expect(rows[1].fields["nationalCode"] == "0076229645")
    }

    @Test("R-GL-09 a missing column, an unknown one, a short line, an empty file: rejected with the line")
    func rejected() throws {
        func codes(_ csv: String) -> [String] {
            guard case .rejected(let rows) = GroupMemberCSV.parse(Data(csv.utf8)) else { return [] }
            return rows.map { "\($0.lineNumber):\($0.code)" }
        }
        #expect(codes("firstName,lastName\nعلی,نو") == ["1:missing-columns"])
        #expect(codes(Self.header + ",age\n") == ["1:unknown-columns"])
        #expect(codes(Self.header + "\nعلی,نو,1370/03/01") == ["2:wrong-field-count"])
        #expect(codes(Self.header + "\n") == ["1:empty-file"])
    }
}
