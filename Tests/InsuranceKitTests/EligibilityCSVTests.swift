import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-EL-01 entitlement import CSV")
struct EligibilityCSVTests {
    func parse(_ line: String, _ number: Int = 2) -> Result<Entitlement, RowRejection> {
        EntitlementCSV.parseRow(line[...], lineNumber: number)
    }

    func rejection(_ line: String) -> RowRejection? {
        if case .failure(let r) = parse(line, 7) { return r }
        return nil
    }

    @Test("header: exact names, BOM / CRLF / spaces / quotes tolerated")
    func header() throws {
        #expect(EntitlementCSV.header == ["nationalCode", "insuranceNumber", "validTo", "relation", "plan"])
        try EntitlementCSV.checkHeader("nationalCode,insuranceNumber,validTo,relation,plan")
        try EntitlementCSV.checkHeader("\u{FEFF}nationalCode,insuranceNumber,validTo,relation,plan\r\n")
        try EntitlementCSV.checkHeader(" nationalCode , insuranceNumber,validTo ,relation,plan ")
        try EntitlementCSV.checkHeader("\"nationalCode\",insuranceNumber,validTo,relation,\"plan\"")
        for bad in ["", "nationalCode,insuranceNumber,validTo,relation", "nationalcode,insuranceNumber,validTo,relation,plan",
                    "insuranceNumber,nationalCode,validTo,relation,plan", "nationalCode,insuranceNumber,validTo,relation,plan,x"] {
            let error = #expect(throws: DomainError.self) { try EntitlementCSV.checkHeader(bad[...]) }
            #expect(error?.code == "invalid-csv-header")
        }
    }

    @Test("a plain ASCII row")
    func plainRow() throws {
        let e = try parse("0076229645,12345678,1404/12/29,main,پایه").get()
        #expect(e == Entitlement(person: try PersonIdentifier("0076229645"), insuranceNumber: "12345678",
                                 validFrom: nil, validTo: try JalaliDate(year: 1404, month: 12, day: 29),
                                 relation: .main, plan: "پایه"))
    }

    @Test("the slow paths agree: Persian digits, Persian relation, spaces, CRLF, quotes, foreign ID")
    func slowPaths() throws {
        let e = try parse(" ۱۵۸۳۲۵۰۶۸۹ , ۱۲۳۴۵۶۷۸-۰۱ , ۱۴۰۵/۱/۵ , همسر , \"تکمیلی الف\"\r\n").get()
        #expect(e.person.key == "1583250689")
        #expect(e.insuranceNumber == "12345678-01")
        #expect(e.validTo == (try JalaliDate(year: 1405, month: 1, day: 5)))
        #expect(e.relation == .spouse)
        #expect(e.plan == "تکمیلی الف")
        let quoted = try parse("123456789012,A/7-x,1404-02-03,CHILD,\"طرح \"\"ویژه\"\", گروه ۲\"").get()
        #expect(quoted.person.isForeign)
        #expect(quoted.plan == "طرح \"ویژه\", گروه 2")   // Normalize.text maps digits to ASCII
        #expect(quoted.relation == .child)
        // Arabic yeh/kaf in the plan are stored in Persian form so equal plans compare equal.
        #expect(try parse("0076229645,1,1404/01/01,main,كاركنان دولت").get().plan == "کارکنان دولت")
    }

    @Test("rejections name the first problem with a stable code and Persian reason", arguments: [
        ("0076229645,12345678,1404/12/29,main", "wrong-field-count"),
        ("0076229645,12345678,1404/12/29,main,پایه,extra", "wrong-field-count"),
        ("", "wrong-field-count"),
        ("0076229645,12345678,\"1404/12/29,main,پایه", "malformed-quotes"),
        ("0076229645,12345678,\"1404\"x/12/29,main,پایه", "malformed-quotes"),
        ("0076229646,12345678,1404/12/29,main,پایه", "invalid-person-id"),    // check digit must be 5
        ("76229645,12345678,1404/12/29,main,پایه", "invalid-person-id"),      // 8 digits: not padded here
        ("0076229646,,,,", "invalid-person-id"),                              // first problem wins
        ("0076229645,,1404/12/29,main,پایه", "invalid-insurance-number"),
        ("0076229645,123456789012345678901,1404/12/29,main,پایه", "invalid-insurance-number"),  // 21 chars
        ("0076229645,12 34,1404/12/29,main,پایه", "invalid-insurance-number"),
        ("0076229645,شماره,1404/12/29,main,پایه", "invalid-insurance-number"),
        ("0076229645,12345678,1404/12/30,main,پایه", "invalid-date"),   // 1404 not leap: (25·18+11) mod 33 = 32 ≥ 8
        ("0076229645,12345678,1404/13/01,main,پایه", "invalid-date"),
        ("0076229645,12345678,1404/12,main,پایه", "invalid-date"),
        ("0076229645,12345678,1404/12-01,main,پایه", "invalid-date"),
        ("0076229645,12345678,1404/12/29,boss,پایه", "invalid-relation"),
        ("0076229645,12345678,1404/12/29,,پایه", "invalid-relation"),
        ("0076229645,12345678,1404/12/29,main,   ", "invalid-plan"),
        ("0076229645,12345678,1404/12/29,main,\(String(repeating: "ب", count: 101))", "invalid-plan"),
    ])
    func rejections(_ line: String, _ code: String) throws {
        let r = try #require(rejection(line))
        #expect(r.code == code)
        #expect(r.lineNumber == 7)
        #expect(!r.reason.isEmpty)
    }

    @Test("rejection reasons are readable Persian")
    func reasons() throws {
        let date = try #require(rejection("0076229645,1,1404/12/30,main,پایه"))
        #expect(date.reason == "ستون validTo («1404/12/30»): تاریخ ۱۴۰۴/۱۲/۳۰ وجود ندارد.")
        let count = try #require(rejection("a,b"))
        #expect(count.reason == "هر سطر باید ۵ ستون داشته باشد؛ این سطر ۲ ستون دارد.")
        #expect(count.description.hasPrefix("line 7 [wrong-field-count]"))
        let long = try #require(rejection(String(repeating: "9", count: 500) + ",1,1404/01/01,main,پایه"))
        #expect(long.reason.count < 120)
    }

    @Test("plans of exactly 100 characters are fine (Persian letters are 2 UTF-8 bytes)")
    func planLength() throws {
        let plan = String(repeating: "ب", count: 100)
        #expect(try parse("0076229645,1,1404/01/01,main,\(plan)").get().plan == plan)
    }

    @Test("volume: 200,000 generated rows each parse back to the same entitlement")
    func volume() throws {
        let today = try JalaliDate(year: 1404, month: 5, day: 10)
        var mismatches = 0
        for (i, row) in SyntheticEntitlements(persons: 200_000, seed: 42, today: today).enumerated() {
            let line = SyntheticEntitlements.csvLine(row)
            guard case .success(let parsed) = EntitlementCSV.parseRow(line[...], lineNumber: i + 2), parsed == row else {
                mismatches += 1
                continue
            }
        }
        #expect(mismatches == 0)
    }
}
