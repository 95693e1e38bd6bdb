import Foundation
import Testing
@testable import InsuranceKit

/// The pure rules of the monthly reports: months, placement of a change in a closed month,
/// close order, the workflow, the tally, the CSV and the loss ratio (R-P-10, R-RP-01…04).
@Suite("Monthly report rules (R-RP-01…04)")
struct ReportRulesTests {
    let today = try! JalaliDate(year: 1405, month: 2, day: 3)

    @Test("R-RP-01 a report month: 1…12 and a supported year, begun and ended against today")
    func months() throws {
        #expect(throws: DomainError.self) { try ReportMonth(year: 1405, month: 13) }
        #expect((try? ReportMonth(year: 1405, month: 0)) == nil)
        expectRefusal("invalid-year") { _ = try ReportMonth(year: 99999, month: 1) }
        let farvardin = try ReportMonth(year: 1405, month: 1)
        #expect(farvardin.key == 140501)
        #expect(farvardin.description == "1405/01")
        #expect(farvardin.previous == (try ReportMonth(year: 1404, month: 12)))
        #expect((try ReportMonth(year: 1404, month: 12)).next == farvardin)
        // 1405 is not a leap year: Esfand has 29 days
        #expect((try ReportMonth(year: 1405, month: 12)).last.description == "1405/12/29")
        try farvardin.checkEnded(today: today)
        expectRefusal("month-not-ended") { try ReportMonth(year: 1405, month: 2).checkEnded(today: today) }
        expectRefusal("month-not-begun") { try ReportMonth(year: 1405, month: 3).checkBegun(today: today) }
    }

    @Test("R-RP-02 a change effective in a closed month goes to the first open month and names the month it corrects")
    func placement() throws {
        let farvardin = try ReportMonth(year: 1405, month: 1), ordibehesht = try ReportMonth(year: 1405, month: 2)
        // nothing closed: its own month
        #expect(StatisticsPlacement.place(effect: farvardin, lastClosed: nil) == .init(month: farvardin, corrects: nil))
        // 1405/01 closed: a refund effective 1405/01/20 enters 1405/02 as an adjustment of 1405/01
        #expect(StatisticsPlacement.place(effect: farvardin, lastClosed: farvardin) == .init(month: ordibehesht, corrects: farvardin))
        // 1404/12 effect, 1405/01 closed: still the first open month, 1405/02
        #expect(StatisticsPlacement.place(effect: try ReportMonth(year: 1404, month: 12), lastClosed: farvardin).month == ordibehesht)
        // an open later month keeps its own
        #expect(StatisticsPlacement.place(effect: try ReportMonth(year: 1405, month: 3), lastClosed: farvardin).corrects == nil)
    }

    @Test("R-RP-02 months close once, in order, after they end")
    func closeOrder() throws {
        let m = { try ReportMonth(year: 1405, month: $0) }
        try MonthCloseRule.check(try m(1), today: today, lastClosed: nil, previousOpenWithEntries: false)
        func code(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let e as DomainError { return e.code } catch { return "?" }
        }
        #expect(code { try MonthCloseRule.check(try m(1), today: today, lastClosed: nil, previousOpenWithEntries: true) } == "month-close-out-of-order")
        #expect(code { try MonthCloseRule.check(try m(1), today: today, lastClosed: try m(1), previousOpenWithEntries: false) } == "month-already-closed")
        #expect(code { try MonthCloseRule.check(try m(2), today: today, lastClosed: try m(1), previousOpenWithEntries: false) } == "month-not-ended")
        let later = try JalaliDate(year: 1405, month: 6, day: 1)
        #expect(code { try MonthCloseRule.check(try m(3), today: later, lastClosed: try m(1), previousOpenWithEntries: false) } == "month-close-out-of-order")
        #expect(code { try MonthCloseRule.check(try m(2), today: later, lastClosed: try m(1), previousOpenWithEntries: false) } == nil)
    }

    @Test("R-RP-01/04 draft → approved-by-accounting → sent; statistics & reinsurance only after approval; approve once")
    func workflow() throws {
        var report = ReportWorkflow()
        #expect(report.status == .draft)
        expectRefusal("report-not-approved") { try report.send(to: .statisticsReinsurance) }
        try report.approve()
        #expect(report.status == .approvedByAccounting)
        expectRefusal("report-already-approved") { try report.approve() }
        try report.send(to: .statisticsReinsurance)
        #expect(report.status == .sent)
        expectRefusal("report-already-sent") { try report.send(to: .statisticsReinsurance) }
        #expect((try? ReportGrouping(parsing: "product")) == nil)
        #expect(try ReportGrouping(parsing: nil) == .department)
        #expect((try? ReportKind(parsing: "everything")) == nil)
    }

    @Test("R-RP-03 the tally: rows per group and product, the total is the sum of the rows")
    func tally() throws {
        var tally = ReportTally()
        let a = ReportTally.Key(group: "A", product: "computer"), direct = ReportTally.Key(group: "مستقیم", product: "computer")
        try tally.add(a, amount: Rial(1_000_000))
        try tally.add(a, amount: Rial(2_000_000))
        try tally.add(direct, amount: Rial(500_000))
        // A: 1,000,000 + 2,000,000 = 3,000,000 in 2; total 3,500,000 in 3
        #expect(tally.figures[a] == .init(count: 2, amount: Rial(3_000_000)))
        #expect(try tally.total() == .init(count: 3, amount: Rial(3_500_000)))
        #expect(throws: DomainError.self) { try tally.add(a, amount: Rial(amount: Int64.max)) }
    }

    @Test("R-RP-03 CSV: BOM, quoted fields, CRLF lines")
    func csv() {
        let text = ReportCSV.document(header: ["نمایندگی", "حق بیمه (ریال)"], rows: [["الف، تهران", "3000000"], ["\"ب\"", "-394521"]])
        #expect(text.hasPrefix("\u{FEFF}نمایندگی,حق بیمه (ریال)\r\n"))
        #expect(text.contains("\"الف، تهران\",3000000\r\n") == false)  // the Persian comma «،» is not a separator
        #expect(text.contains("الف، تهران,3000000\r\n"))
        #expect(text.contains("\"\"\"ب\"\"\",-394521\r\n"))
        // a text that would run as a formula is neutralised; a negative amount stays a number
        #expect(ReportCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ReportCSV.field("-C3") == "'-C3")
        #expect(ReportCSV.field("-394521") == "-394521")
    }

    @Test("loss ratio: claims ÷ premium in basis points, half away from zero")
    func lossRatio() {
        // 1,250,000 ÷ 2,000,000 = 62.5 % = 6,250 bp
        #expect(LossRatio.basisPoints(claims: Rial(1_250_000), premium: Rial(2_000_000)) == 6_250)
        // 1 ÷ 3 = 3,333.33… bp → 3,333; 2 ÷ 3 = 6,666.66… → 6,667
        #expect(LossRatio.basisPoints(claims: Rial(1), premium: Rial(3)) == 3_333)
        #expect(LossRatio.basisPoints(claims: Rial(2), premium: Rial(3)) == 6_667)
        #expect(LossRatio.basisPoints(claims: Rial(5), premium: .zero) == nil)
        // ties: 1 ÷ 20,000 = 0.5 bp → 1; a claims reversal −1 ÷ 20,000 = −0.5 bp → −1 (away from zero)
        #expect(LossRatio.basisPoints(claims: Rial(1), premium: Rial(20_000)) == 1)
        #expect(LossRatio.basisPoints(claims: Rial(-1), premium: Rial(20_000)) == -1)
        // cancellations outweighing the month's sales: no ratio rather than a negative one
        #expect(LossRatio.basisPoints(claims: Rial(4_500_000), premium: Rial(-700_000)) == nil)
        // 4,500,000 claims over a net premium of 1 rial: 45,000,000,000 bp, no Decimal → Int truncation
        #expect(LossRatio.basisPoints(claims: Rial(4_500_000), premium: Rial(1)) == 45_000_000_000)
        #expect(LossRatio.persian(6_250) == "۶۲٫۵٪")
        #expect(LossRatio.persian(3_333) == "۳۳٫۳۳٪")
        #expect(LossRatio.persian(-50).hasSuffix("۰٫۵٪") && LossRatio.persian(-50).contains("−"), "a negative ratio keeps its sign")
    }

    /// The call must throw the DomainError with this code; not throwing fails the test.
    func expectRefusal(_ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        #expect(sourceLocation: sourceLocation) { try body() } throws: { ($0 as? DomainError)?.code == code }
    }
}
