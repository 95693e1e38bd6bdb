import Testing
@testable import InsuranceKit

/// R-TP-08: amnesty windows exist only where the year's tariff names one; seed 001 names
/// 1402/06/02–1402/06/18. Private car-4-cyl bases (T-TP samples, 1399 reference 19,687,000):
/// 1402 ×2 = 39,374,000; 1405 ×5 = 98,435,000. No surcharge, so the gross G = the base.
@Suite("R-TP-08 amnesty windows named by the tariff")
struct ThirdPartyAmnestyTests {
    @Test("R-TP-08 1402/06/10 lies in the 1402 tariff's window: a one-year policy pays no penalty")
    func inside1402() throws {
        // given the 1402 tariff and a policy that lapsed on 1402/05/01
        let tariff = try ThirdPartyTariff.forYear(1402)
        #expect(tariff.isInAmnestyWindow(try jalali("1402/06/10")))
        // when a one-year policy is bought on 1402/06/10: 31 + 9 = 40 uncovered days
        let quote = try tpQuote(tpInputs(["issueDate": #""1402/06/10""#, "previousPolicyEndDate": #""1402/05/01""#]))
        // then the penalty line is shown waived and the total is the base alone
        #expect(tpAmount(quote, "late-penalty") == 0)
        #expect(quote.line("late-penalty")?.label.contains("۴۰ روز") == true)
        #expect(quote.total == 39_374_000)
    }

    /// 1405/05/01 → 1405/06/10 = 31 + 9 = 40 days; 98,435,000 × 40 / 365 = 3,937,400,000 / 365
    /// = 10,787,397.26 → 10,787,397; total 98,435,000 + 10,787,397 = 109,222,397.
    @Test("R-TP-08 the same month-day in 1405 has no amnesty: the late penalty is charged")
    func noWindow1405() throws {
        // given the 1405 tariff, which names no window
        let tariff = try ThirdPartyTariff.forYear(1405)
        #expect(tariff.amnestyWindows.isEmpty)
        #expect(!tariff.isInAmnestyWindow(try jalali("1405/06/10")))
        // when a one-year policy is bought on 1405/06/10 after a lapse since 1405/05/01
        let quote = try tpQuote(tpInputs(["issueDate": #""1405/06/10""#, "previousPolicyEndDate": #""1405/05/01""#]))
        // then the full penalty is charged
        #expect(tpAmount(quote, "base") == 98_435_000)
        #expect(tpAmount(quote, "late-penalty") == 10_787_397)
        #expect(quote.line("late-penalty")?.label.contains("بخشوده") == false)
        #expect(quote.total == 109_222_397)
    }

    @Test("R-TP-08 only 1402 names a window; no other year gets one by default", arguments: [1403, 1404, 1405, 1406])
    func noDefaultWindow(_ year: Int) throws {
        #expect(try ThirdPartyTariff.forYear(year).amnestyWindows.isEmpty)
        let t1402 = try ThirdPartyTariff.forYear(1402)
        #expect(t1402.amnestyWindows == [try jalali("1402/06/02")...(try jalali("1402/06/18"))])
    }

    @Test("T the 1402 tariff is labelled a sample; its note says the window is not one")
    func labels1402() throws {
        let tariff = try ThirdPartyTariff.forYear(1402)
        try tariff.validate()
        #expect(tariff.isSample)
        #expect(tariff.note.contains("۱۴۰۲/۰۶/۰۲ تا ۱۴۰۲/۰۶/۱۸"))
        #expect(try ThirdPartyTariff.forYear(1405).note.contains("بخشودگی جریمهٔ دیرکرد ندارد"))
    }
}
