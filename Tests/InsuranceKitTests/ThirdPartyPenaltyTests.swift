import Testing
@testable import InsuranceKit

/// 1404 private car-4-cyl: G = B = 78,748,000 (no surcharge); 1404 names no amnesty window.
/// 1402 private car-4-cyl: G = B = 19,687,000 × 2 = 39,374,000; window 1402/06/02 … 1402/06/18
/// inclusive (seed 001).
@Suite("R-TP-08 late penalty and amnesty")
struct ThirdPartyPenaltyTests {
    /// 1403/01/01 → 1404/03/01 = 366 (leap 1403) + 31 + 31 = 428 days → 365: G × 365 / 365 = 78,748,000.
    @Test("R-TP-08 more than 365 days (428) pay 365 days: the full gross")
    func capped() throws {
        let quote = try tpQuote(tpInputs(["previousPolicyEndDate": #""1403/01/01""#]))
        #expect(tpAmount(quote, "late-penalty") == 78_748_000)
        #expect(quote.line("late-penalty")?.label.contains("۳۶۵ روز") == true)
        #expect(quote.total == 157_496_000)
    }

    /// 1403/03/03 → 1404/03/01 = 364 days: 78,748,000 × 364 / 365 = 78,748,000 − 215,747.95
    /// = 78,532,252.05 → 78,532,252.
    @Test("R-TP-08 364 days")
    func belowCap() throws {
        let quote = try tpQuote(tpInputs(["previousPolicyEndDate": #""1403/03/03""#]))
        #expect(tpAmount(quote, "late-penalty") == 78_532_252)
    }

    /// The penalty is on the gross without discounts: age 20 → 10 %, G = 78,748,000 × 1.1 =
    /// 86,622,800; 15 claim-free years do not reduce it. 1404/02/31 → 1404/03/01 = 1 day:
    /// 86,622,800 / 365 = 237,322.74 → 237,323.
    @Test("R-TP-08 penalty on the gross, discounts ignored")
    func onGross() throws {
        let quote = try tpQuote(tpInputs([
            "vehicleAgeYears": "20", "claimFreeYears": "15", "safeDrivingCourse": "true",
            "previousPolicyEndDate": #""1404/02/31""#,
        ]))
        #expect(tpAmount(quote, "late-penalty") == 237_323)
    }

    @Test("R-TP-08 renewal on or before the end date: no penalty line", arguments: ["1404/03/01", "1404/03/20"])
    func noGap(_ previousEnd: String) throws {
        let quote = try tpQuote(tpInputs(["previousPolicyEndDate": #""\#(previousEnd)""#]))
        #expect(quote.line("late-penalty") == nil)
    }

    /// Corrected (R-TP-08 revised): the window is 1402's, not a default one each year.
    /// Issue 1402/06/10, previous end 1402/05/01: 31 (to 1402/06/01, Mordad has 31 days) + 9 = 40 days.
    /// Inside the window, 12-month policy → line shown with 0; total = the base 39,374,000.
    @Test("R-TP-08 inside the amnesty window a one-year policy pays no penalty", arguments: [
        "1402/06/02", "1402/06/10", "1402/06/18",
    ])
    func amnestied(_ issue: String) throws {
        let quote = try tpQuote(tpInputs(["issueDate": #""\#(issue)""#, "previousPolicyEndDate": #""1402/05/01""#]))
        #expect(tpAmount(quote, "late-penalty") == 0)
        #expect(quote.line("late-penalty")?.label.contains("بخشوده") == true)
        #expect(quote.total == 39_374_000)
    }

    /// Outside: issue 1404/06/19, 31 + 18 = 49 days: 78,748,000 × 49 / 365 = 3,858,652,000 / 365
    /// = 10,571,649.32 → 10,571,649. Issue 1404/06/01: 31 days: 2,441,188,000 / 365
    /// = 6,688,186.30 → 6,688,186.
    @Test("R-TP-08 outside the window the penalty applies", arguments: [
        ("1404/06/19", 10_571_649), ("1404/06/01", 6_688_186),
    ] as [(String, Int64)])
    func outsideWindow(_ issue: String, _ penalty: Int64) throws {
        let quote = try tpQuote(tpInputs(["issueDate": #""\#(issue)""#, "previousPolicyEndDate": #""1404/05/01""#]))
        #expect(tpAmount(quote, "late-penalty") == penalty)
    }

    /// Corrected (R-TP-08 revised): moved into 1402, the year with a window.
    /// 6-month policy issued 1402/06/10 (inside the window), 40 days: 39,374,000 × 40 / 365
    /// = 1,574,960,000 / 365 = 4,314,958.90 → 4,314,959.
    @Test("R-TP-08 a 6-month policy gets no amnesty")
    func sixMonths() throws {
        let quote = try tpQuote(tpInputs([
            "issueDate": #""1402/06/10""#, "previousPolicyEndDate": #""1402/05/01""#, "policyMonths": "6",
        ]))
        #expect(tpAmount(quote, "late-penalty") == 4_314_959)
    }

    @Test("R-TP-08 the penalty cannot be waived by input")
    func notWaivableByInput() {
        let errors = tpErrors(tpInputs(["previousPolicyEndDate": #""1404/02/20""#, "latePenaltyWaived": "true"]))
        #expect(errors.map(\.code) == ["unknown-field"])
        #expect(errors.first?.field == "inputs.latePenaltyWaived")
    }
}
