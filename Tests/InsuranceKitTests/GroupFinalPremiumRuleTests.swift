import Foundation
@testable import InsuranceKit
import Testing

/// R-GL-07/08: the final premium replacing the registered one, and R-GL-04's member list as CSV.
@Suite("Group life final premium and the member list CSV (R-GL-04, R-GL-07)")
struct GroupFinalPremiumRuleTests {
    @Test("R-GL-07 the delta is final − charged: 831,600,000 − 828,000,000 = +3,600,000; 819,720,000 − 828,000,000 = −8,280,000")
    func delta() throws {
        #expect(try GroupFinalPremium.delta(charged: Rial(828_000_000), final: Rial(831_600_000)) == Rial(3_600_000))
        #expect(try GroupFinalPremium.delta(charged: Rial(828_000_000), final: Rial(819_720_000)) == Rial(-8_280_000))
    }

    @Test("R-GL-07 the unpaid schedule moves to the final premium: cash one line; installments shrink from the last, or share the increase")
    func schedule() throws {
        #expect(try GroupFinalPremium.schedule([Rial(828_000_000)], final: Rial(831_600_000)) == [Rial(831_600_000)])
        #expect(try GroupFinalPremium.schedule([Rial(828_000_000)], final: Rial(819_720_000)) == [Rial(819_720_000)])
        // 30 % down 248,400,000 + 2 × 289,800,000 = 828,000,000; 8,280,000 less comes off the last line
        #expect(try GroupFinalPremium.schedule([Rial(248_400_000), Rial(289_800_000), Rial(289_800_000)], final: Rial(819_720_000))
                == [Rial(248_400_000), Rial(289_800_000), Rial(281_520_000)])
        // 3,600,001 more over 3 lines: 1,200,000 each, the remainder 1 on the last
        #expect(try GroupFinalPremium.schedule([Rial(248_400_000), Rial(289_800_000), Rial(289_800_000)], final: Rial(831_600_001))
                == [Rial(249_600_000), Rial(291_000_000), Rial(291_000_001)])
    }

    static let header = GroupMemberCSV.header

    @Test("R-GL-04 a CSV with Persian digits, quotes and an empty national code becomes the API's member list")
    func csvBody() throws {
        let csv = "\u{FEFF}\(Self.header)\r\nعلی,\"رضایی، پور\",۱۳۶۵/۰۱/۰۱,۱۲۳,تهران,کارشناس,\r\nسارا,احمدی,1370/05/20,456,قم,راننده,0076229645\r\n"
        guard case .body(let body, _) = GroupMemberCSV.body(Data(csv.utf8)) else { Issue.record("refused"); return }
        let members = try GroupMemberList.parse(body, today: try JalaliDate(year: 1405, month: 1, day: 10))
        #expect(members.count == 2)
        #expect(members[0].lastName == "رضایی، پور")
        #expect(members[0].birthDate.description == "1365/01/01")
        #expect(members[0].birthCertificateNumber == "123")
        #expect(members[0].nationalCode == nil)
        #expect(members[1].nationalCode == "0076229645")
    }

    @Test("R-GL-04 the file's own faults name their line: a missing column (line 1), a short line (line 3); rows' faults map members[i] → line i + 2")
    func csvFaults() {
        guard case .rejected(let header) = GroupMemberCSV.body(Data("firstName,lastName\nعلی,رضایی\n".utf8)) else { Issue.record("accepted"); return }
        #expect(header.map(\.code) == ["missing-columns"])
        #expect(header.map(\.lineNumber) == [1])
        let short = "\(Self.header)\nعلی,رضایی,1365/01/01,1,تهران,کارشناس,\nسارا,احمدی\n"
        guard case .rejected(let rows) = GroupMemberCSV.body(Data(short.utf8)) else { Issue.record("accepted"); return }
        #expect(rows.map(\.lineNumber) == [3])
        #expect(rows.map(\.code) == ["wrong-field-count"])
        guard case .rejected(let empty) = GroupMemberCSV.body(Data("\(Self.header)\n".utf8)) else { Issue.record("accepted"); return }
        #expect(empty.map(\.code) == ["empty-file"])
        #expect(GroupMemberCSV.lineNumber(ofPath: "members[0].birthDate") == 2)
        #expect(GroupMemberCSV.lineNumber(ofPath: "members[41]") == 43)
        #expect(GroupMemberCSV.lineNumber(ofPath: "members") == nil)
    }
}
