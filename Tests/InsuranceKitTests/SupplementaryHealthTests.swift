import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-SH-01…03, R-SH-10, R-SH-11 supplementary health: plans, persons, premium")
struct SupplementaryHealthTests: RefusalCodes {
    let product = SupplementaryHealth()
    let start = try! JalaliDate(parsing: "1405/01/10")

    static func person(_ code: String, _ birth: String, _ sex: String, _ relation: String, student: Bool? = nil,
                       married: Bool? = nil, main: String? = nil) -> [String: Any] {
        var p: [String: Any] = ["nationalCode": code, "birthDate": birth, "sex": sex, "relation": relation]
        if let student { p["student"] = student }
        if let married { p["married"] = married }
        if let main { p["mainNationalCode"] = main }
        return p
    }

    static var main: [String: Any] { person("0076229645", "1365/05/01", "male", "main") }
    static var spouse: [String: Any] { person("1583250689", "1368/02/01", "female", "spouse") }
    static var daughter: [String: Any] { person("0012345679", "1398/01/01", "female", "child") }

    func quote(_ inputs: [String: Any], on date: JalaliDate? = nil) throws -> ProductQuote {
        try product.quote(inputs: try JSONSerialization.data(withJSONObject: inputs), context: QuoteContext(date: date ?? start))
    }

    func family(_ persons: [[String: Any]], plan: String = "silver", base: Bool = true, optional: [String]? = nil) -> [String: Any] {
        var inputs: [String: Any] = ["plan": plan, "kind": "family", "persons": persons, "hasBaseInsurance": base]
        if let optional { inputs["optionalCovers"] = optional }
        return inputs
    }

    @Test("T-SH family silver from 1405/01/10: 90,000,000 + 90,000,000 + 45,000,000 = 225,000,000; without base + 67,500,000")
    func familySilver() throws {
        // main born 1365/05/01: 39 on 1405/01/10 (the birthday is not yet reached) → ×1.0 = 90,000,000;
        // spouse born 1368/02/01: 37 → ×1.0; daughter born 1398/01/01: 7 → ×0.5 = 45,000,000
        let quote = try quote(family([Self.main, Self.spouse, Self.daughter]))
        #expect(quote.lines.map(\.code) == ["person-1", "person-2", "person-3"])
        #expect(quote.lines.map(\.amount) == [90_000_000, 90_000_000, 45_000_000])
        #expect(quote.total == 225_000_000)
        #expect(quote.franchisePercent == Percent(20))
        // without base insurance: 30 % × 225,000,000 = 67,500,000 → 292,500,000
        let bare = try self.quote(family([Self.main, Self.spouse, Self.daughter], base: false))
        #expect(bare.line("surcharge-no-base-insurance")?.amount == 67_500_000)
        #expect(bare.total == 292_500_000)
        // gold refuses a person without base insurance
        #expect(codes { try self.quote(family([Self.main], plan: "gold", base: false)) } == ["inputs.hasBaseInsurance": "base-insurance-required"])
    }

    @Test("R-SH-02 a son born 1381/01/01 (24 at the start) not studying is not a dependant; studying he is")
    func studyingSon() throws {
        // 1405/01/10 − 1381/01/01: 24 completed years (the birthday 1405/01/01 has passed)
        let son = Self.person("0012345687", "1381/01/01", "male", "child")
        #expect(codes { try self.quote(family([Self.main, son])) } == ["inputs.persons[1].birthDate": "not-a-dependant"])
        var studying = son
        studying["student"] = true
        // 24 → ×1.0 = 90,000,000 each: 180,000,000
        #expect(try quote(family([Self.main, studying])).total == 180_000_000)
        // past 25 even studying: born 1379/01/01 → 26
        var older = studying
        older["birthDate"] = "1379/01/01"
        #expect(codes { try self.quote(family([Self.main, older])) } == ["inputs.persons[1].birthDate": "not-a-dependant"])
    }

    @Test("R-SH-02 ages on the exact birthday and the 70/71 boundary of the main insured")
    func ageBoundaries() throws {
        // born 1335/01/10: 70 on 1405/01/10 exactly → main allowed, band 61–70 ×1.5 = 135,000,000
        let seventy = Self.person("0076229645", "1335/01/10", "male", "main")
        #expect(try quote(family([seventy])).total == 135_000_000)
        // born 1334/01/11: still 70 on 1405/01/10 (71 the next day) → allowed
        #expect(try quote(family([Self.person("0076229645", "1334/01/11", "male", "main")])).total == 135_000_000)
        // born 1334/01/10: 71 on 1405/01/10, the birthday itself → refused
        let seventyOne = Self.person("0076229645", "1334/01/10", "male", "main")
        #expect(codes { try self.quote(family([seventyOne])) } == ["inputs.persons[0].birthDate": "age-out-of-range"])
        // born 1387/01/11: 17 on 1405/01/10 (turns 18 the next day) → refused as main
        let seventeen = Self.person("0076229645", "1387/01/11", "male", "main")
        #expect(codes { try self.quote(family([seventeen])) } == ["inputs.persons[0].birthDate": "age-out-of-range"])
        // a parent of 75 (born 1330/01/01) in a family plan: band 71–80 ×2.0 = 180,000,000; of 81 refused
        let parent = Self.person("1583250689", "1330/01/01", "female", "parent")
        #expect(try quote(family([Self.main, parent])).lines.map(\.amount) == [90_000_000, 180_000_000])
        var eightyOne = parent
        eightyOne["birthDate"] = "1324/01/01"
        #expect(codes { try self.quote(family([Self.main, eightyOne])) } == ["inputs.persons[1].birthDate": "age-out-of-range"])
    }

    @Test("R-SH-02 an unmarried daughter of 25 is a dependant; a married one is not; a parent is not in an individual plan")
    func daughtersAndIndividual() throws {
        let daughter25 = Self.person("0012345679", "1380/01/01", "female", "child", married: false)
        #expect(try quote(family([Self.main, daughter25])).total == 180_000_000)
        var married = daughter25
        married["married"] = true
        #expect(codes { try self.quote(family([Self.main, married])) } == ["inputs.persons[1].birthDate": "not-a-dependant"])
        let individual: [String: Any] = ["plan": "basic", "kind": "individual", "persons": [Self.main, Self.spouse], "hasBaseInsurance": true]
        #expect(codes { try self.quote(individual) } == ["inputs.persons[1].relation": "individual-one-person"])
    }

    @Test("R-SH-03 optional covers on silver add 10 % of each person's premium each; basic offers none")
    func optionalCovers() throws {
        // main 90,000,000 + 2 × 9,000,000 = 108,000,000; daughter 45,000,000 + 2 × 4,500,000 = 54,000,000
        let quote = try quote(family([Self.main, Self.daughter], optional: ["dental", "maternity"]))
        #expect(quote.lines.map(\.amount) == [108_000_000, 54_000_000])
        #expect(codes { try self.quote(family([Self.main], plan: "basic", optional: ["dental"])) } == ["inputs.optionalCovers[0]": "optional-cover-not-offered"])
        #expect(codes { try self.quote(family([Self.main], optional: ["chemo"])) } == ["inputs.optionalCovers[0]": "unknown-cover"])
    }

    @Test("R-SH-10 a group: 70 % of the price, at least 10 main members, a member's family joins")
    func group() throws {
        // ten members aged 39 on silver: 90,000,000 × 70 % = 63,000,000 each; one spouse (37): 63,000,000
        let codes = ["0076229645", "1583250689", "0012345679", "0012345687", "0499370899", "0013542419", "0067749828", "0014173026", "0018350739", "0022563131"]
        var persons = codes.map { Self.person($0, "1365/05/01", "male", "main") }
        persons.append(Self.person("0036271217", "1368/02/01", "female", "spouse", main: "0076229645"))
        let inputs: [String: Any] = ["plan": "silver", "kind": "group", "persons": persons, "hasBaseInsurance": true]
        let quote = try quote(inputs)
        #expect(quote.lines.count == 11)
        #expect(quote.lines.allSatisfy { $0.amount == 63_000_000 })
        #expect(quote.total == 693_000_000)
        // nine members: too small
        let nine: [String: Any] = ["plan": "silver", "kind": "group", "persons": Array(persons.prefix(9)), "hasBaseInsurance": true]
        #expect(self.codes { try self.quote(nine) } == ["inputs.persons": "group-too-small"])
    }

    @Test("R-SH-02/D-GH in a group a son of 20 is taken only studying (the study certificate); in a family plan he needs none until 22")
    func groupSonNeedsStudyCertificate() throws {
        let memberCodes = ["0076229645", "1583250689", "0012345679", "0012345687", "0499370899", "0013542419", "0067749828", "0014173026", "0018350739", "0022563131"]
        let members = memberCodes.map { Self.person($0, "1365/05/01", "male", "main") }
        // born 1385/01/01: 1405/01/10 − 1385/01/01 = 20 completed years (the birthday 1405/01/01 has passed)
        let son = Self.person("0036271217", "1385/01/01", "male", "child", main: "0076229645")
        func group(_ extra: [String: Any]) -> [String: Any] {
            ["plan": "silver", "kind": "group", "persons": members + [extra], "hasBaseInsurance": true]
        }
        #expect(codes { try self.quote(group(son)) } == ["inputs.persons[10].birthDate": "not-a-dependant"])
        var studying = son
        studying["student"] = true
        // 20 → ×1.0: 90,000,000 × 70 % = 63,000,000 for each of the 11 = 693,000,000
        #expect(try quote(group(studying)).total == 693_000_000)
        // 17 (born 1388/01/01) needs no certificate: ×1.0 band (16–50) → 693,000,000 as well
        #expect(try quote(group(Self.person("0036271217", "1388/01/01", "male", "child", main: "0076229645"))).total == 693_000_000)
        // 26 (born 1379/01/01) even studying is past 25
        var older = studying
        older["birthDate"] = "1379/01/01"
        #expect(codes { try self.quote(group(older)) } == ["inputs.persons[10].birthDate": "not-a-dependant"])
        // the same son of 20 in a family plan, not studying: a dependant up to 22 (90,000,000 + 90,000,000)
        var familySon = son
        familySon["mainNationalCode"] = nil
        #expect(try quote(family([Self.main, familySon])).total == 180_000_000)
    }

    @Test("R-SH-02 bad lists: a person twice, a dependant without a main, an unknown plan, a birth after the start")
    func badLists() throws {
        #expect(codes { try self.quote(family([Self.main, Self.main])) }["inputs.persons[1].nationalCode"] == "duplicate-person")
        #expect(codes { try self.quote(family([Self.spouse])) }["inputs.persons[0].relation"] == "main-person-required")
        #expect(codes { try self.quote(family([Self.main], plan: "platinum")) } == ["inputs.plan": "unknown-plan"])
        let unborn = Self.person("0012345679", "1405/02/01", "female", "child")
        #expect(codes { try self.quote(family([Self.main, unborn])) } == ["inputs.persons[1].birthDate": "invalid-birth-date"])
        let badCode = Self.person("1234567890", "1365/05/01", "male", "main")
        #expect(codes { try self.quote(family([badCode])) } == ["inputs.persons[0].nationalCode": "invalid-national-code"])
    }

    @Test("R-SH-11 12 monthly installments of 225,000,007: 11 × 18,750,000 and 18,750,007 last; 7 is refused")
    func monthlyInstallments() throws {
        // 225,000,007 / 12 = 18,750,000 rem 7: the first (down payment) due 1405/01/10, then monthly
        let schedule = try InstallmentSchedule.schedule(premium: 225_000_007, plan: .installments(downPayment: .zero, count: 12),
                                                        rules: product.paymentPlans, startingOn: start)
        #expect(schedule.count == 12)
        #expect(schedule.prefix(11).allSatisfy { $0.amount == 18_750_000 })
        #expect(schedule.last?.amount == 18_750_007)
        #expect(schedule.first?.kind == .downPayment)
        #expect(schedule[1].dueDate == (try JalaliDate(parsing: "1405/02/10")))
        #expect(schedule.last?.dueDate == (try JalaliDate(parsing: "1405/12/10")))
        #expect(throws: DomainError.self) {
            try InstallmentSchedule.schedule(premium: 225_000_007, plan: .installments(downPayment: .zero, count: 7),
                                             rules: product.paymentPlans, startingOn: start)
        }
        // a down payment other than the first part is refused
        #expect(throws: DomainError.self) {
            try InstallmentSchedule.schedule(premium: 225_000_007, plan: .installments(downPayment: 20_000_000, count: 12),
                                             rules: product.paymentPlans, startingOn: start)
        }
    }
}

@Suite("R-SH-04/06 what a health claim pays")
struct HealthClaimMathTests {
    @Test("R-SH-04 silver hospitalization 100,000,000: base paid 30,000,000 → 70,000,000; base paid 5,000,000 → 80,000,000")
    func franchiseOrBase() throws {
        // franchise 20 % × 100,000,000 = 20,000,000 ≤ 30,000,000 paid by the base insurer: nothing more is deducted
        let high = try HealthClaimMath.settle(cost: 100_000_000, basePaid: 30_000_000, franchise: Percent(20), remainingCeiling: 1_000_000_000)
        #expect(high.payable == 70_000_000)
        #expect(high.lines.map(\.code) == ["cost", "base-insurer"])
        #expect(high.insuredShare == 0)
        // base 5,000,000 < franchise 20,000,000: the franchise takes 15,000,000 more → 80,000,000; the insured pays 15,000,000
        let low = try HealthClaimMath.settle(cost: 100_000_000, basePaid: 5_000_000, franchise: Percent(20), remainingCeiling: 1_000_000_000)
        #expect(low.payable == 80_000_000)
        #expect(low.lines.map(\.amount) == [100_000_000, -5_000_000, -15_000_000])
        #expect(low.insuredShare == 15_000_000)
        #expect(low.remainingCeiling == 920_000_000)
    }

    @Test("R-SH-06 a remaining ceiling of 50,000,000 pays 50,000,000 with a ceiling-reduction line of 30,000,000")
    func ceiling() throws {
        let capped = try HealthClaimMath.settle(cost: 100_000_000, basePaid: 5_000_000, franchise: Percent(20), remainingCeiling: 50_000_000)
        #expect(capped.payable == 50_000_000)
        #expect(capped.lines.last?.code == "ceiling-reduction")
        #expect(capped.lines.last?.amount == -30_000_000)
        #expect(try Rial.sum(capped.lines.map(\.amount)) == capped.payable)
        #expect(capped.remainingCeiling == 0)
        // nothing left: pays 0
        #expect(try HealthClaimMath.settle(cost: 10, basePaid: 0, franchise: Percent(20), remainingCeiling: 0).payable == 0)
    }

    @Test("R-SH-04 bad amounts: zero or negative cost, base paid above cost")
    func badAmounts() throws {
        #expect(throws: DomainError.self) { try HealthClaimMath.settle(cost: 0, basePaid: 0, franchise: Percent(20), remainingCeiling: 1) }
        #expect(throws: DomainError.self) { try HealthClaimMath.settle(cost: -5, basePaid: 0, franchise: Percent(20), remainingCeiling: 1) }
        #expect(throws: DomainError.self) { try HealthClaimMath.settle(cost: 100, basePaid: 101, franchise: Percent(20), remainingCeiling: 1) }
        #expect(throws: DomainError.self) { try HealthClaimMath.settle(cost: 100, basePaid: -1, franchise: Percent(20), remainingCeiling: 1) }
    }
}

@Suite("R-SH-10 a group's member list as CSV")
struct HealthMemberCSVTests {
    static let header = "nationalCode,firstName,lastName,birthDate,sex,relation,mainNationalCode,student"

    @Test("R-SH-10 a BOM, CRLF, Persian digits and Persian words are read; a dependant names its member")
    func valid() throws {
        let text = "\u{FEFF}" + Self.header + "\r\n"
            + "۰۰۷۶۲۲۹۶۴۵,مریم,احمدی,۱۳۶۵/۰۴/۱۲,زن,اصلی,,\r\n"
            + "0012345679,\"سارا, کوچک\",احمدی,1395/06/01,female,child,0076229645,no\r\n"
        guard case .members(let persons) = HealthMemberCSV.parse(Data(text.utf8)) else { Issue.record("refused"); return }
        #expect(persons.map(\.nationalCode) == ["0076229645", "0012345679"])
        #expect(persons[0].relation == .main && persons[0].sex == .female)
        #expect(persons[0].birthDate == (try JalaliDate(parsing: "1365/04/12")))
        #expect(persons[1].firstName == "سارا, کوچک")
        #expect(persons[1].mainNationalCode == "0076229645" && persons[1].student == false)
    }

    @Test("R-SH-10 every bad row is named by its line; nothing is taken")
    func badRows() throws {
        let text = Self.header + "\n"
            + "0076229645,a,b,1365/04/12,male,main,,\n"      // 2: fine
            + "1234567890,a,b,1365/04/12,male,main,,\n"      // 3: bad national code
            + "0012345679,a,b,1365/13/01,male,child,0076229645,\n" // 4: impossible date
            + "0012345687,a,b,1390/01/01,x,child,0076229645,\n"    // 5: sex
            + "0013542419,a,b,1390/01/01,male,child,,\n"            // 6: no main
            + "0076229645,a,b,1365/04/12,male,main,,\n"             // 7: duplicate of line 2
            + "0067749828,a,b\n"                                    // 8: wrong field count
        guard case .rejected(let rejections) = HealthMemberCSV.parse(Data(text.utf8)) else { Issue.record("accepted"); return }
        #expect(rejections.map(\.lineNumber) == [3, 4, 5, 6, 7, 8])
        #expect(rejections.map(\.code) == ["invalid-national-code", "invalid-date", "invalid-sex", "main-person-required", "duplicate-row", "wrong-field-count"])
        #expect(rejections.allSatisfy { !$0.reason.isEmpty })
    }

    @Test("R-SH-10 a wrong delimiter, missing columns, an empty file and more rows than a policy takes")
    func wholeFile() throws {
        func code(_ text: String) -> String? {
            if case .rejected(let r) = HealthMemberCSV.parse(Data(text.utf8)) { return r.first?.code }
            return nil
        }
        #expect(code(Self.header.replacingOccurrences(of: ",", with: ";") + "\n") == "wrong-delimiter")
        #expect(code("nationalCode,firstName\n0076229645,a\n") == "missing-columns")
        #expect(code("") == "empty-file")
        #expect(code(Self.header + "\n") == "empty-file")
        // 20,001 rows: one more than HealthInputs.maxPersons
        let many = Self.header + "\n" + String(repeating: "0076229645,a,b,1365/04/12,male,main,,\n", count: 20_001)
        #expect(code(many) == "too-many-rows")
    }
}

@Suite("R-G-04, R-SH-07/09 the dates of health cover and claims")
struct HealthCalendarTests {
    private func day(_ text: String) throws -> JalaliDate { try JalaliDate(parsing: text) }

    @Test("R-G-04 a policy 1405/01/10 → 1406/01/10 covers its persons from 1405/01/11 to 1406/01/10; one added on 1405/07/15 from 1405/07/16")
    func windows() throws {
        let initial = HealthCalendar.window(start: try day("1405/01/10"), end: try day("1406/01/10"))
        #expect(initial.from == (try day("1405/01/11")))
        #expect(initial.to == (try day("1406/01/10")))
        let added = HealthCalendar.added(effective: try day("1405/07/15"), end: try day("1406/01/10"))
        #expect(added.from == (try day("1405/07/16")))
        #expect(added.to == (try day("1406/01/10")))
        // a window across the year: Esfand 1404 has 29 days, so 1404/12/29 → 1405/01/01
        #expect(HealthCalendar.window(start: try day("1404/12/29"), end: try day("1405/12/29")).from == (try day("1405/01/01")))
    }

    @Test("R-SH-07 a letter of 1405/01/10 is valid to 1405/02/09 (Farvardin has 31 days), used once")
    func introduction() throws {
        let issued = try day("1405/01/10")
        let validTo = HealthCalendar.introductionValidTo(issuedOn: issued)
        // 1405/01/10 + 21 = 1405/01/31, + 9 = 1405/02/09
        #expect(validTo == (try day("1405/02/09")))
        #expect(throws: Never.self) { try HealthCalendar.checkIntroduction(serviceDate: validTo, issuedOn: issued, validTo: validTo, used: false, number: "1") }
        #expect(throws: DomainError.self) { try HealthCalendar.checkIntroduction(serviceDate: try day("1405/02/10"), issuedOn: issued, validTo: validTo, used: false, number: "1") }
        #expect(throws: DomainError.self) { try HealthCalendar.checkIntroduction(serviceDate: try day("1405/01/09"), issuedOn: issued, validTo: validTo, used: false, number: "1") }
        #expect(throws: DomainError.self) { try HealthCalendar.checkIntroduction(serviceDate: issued, issuedOn: issued, validTo: validTo, used: true, number: "1") }
        #expect(throws: DomainError.self) { try HealthCalendar.checkServiceDate(try day("1405/01/11"), today: issued) }
    }

    @Test("R-SH-07 Esfand 1404 ends on 1404/12/29: its statement is approved from 1405/01/01, not on 1404/12/29")
    func statementMonth() throws {
        let esfand = try HealthCalendar.month(year: 1404, month: 12)
        #expect(esfand.key == "1404/12")
        #expect(throws: DomainError.self) { try HealthCalendar.checkMonthEnded(first: esfand.first, today: try day("1404/12/29")) }
        #expect(throws: Never.self) { try HealthCalendar.checkMonthEnded(first: esfand.first, today: try day("1405/01/01")) }
        #expect(throws: DomainError.self) { try HealthCalendar.month(year: 1405, month: 13) }
        #expect(HealthCalendar.month(of: try day("1405/01/05")) == "1405/01")
    }
}
