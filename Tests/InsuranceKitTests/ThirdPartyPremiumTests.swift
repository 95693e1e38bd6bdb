import Foundation
import Testing
@testable import InsuranceKit

/// 1404 tariff (sample): car-4-cyl base B = 19,687,000 × 4 = 78,748,000; haram diya 21,330,000,000,
/// minimum financial cover 2.5 % = 533,250,000; extra cover 50,000 per started 10,000,000;
/// driver-accident 4,000,000.
@Suite("R-TP-07 third-party premium breakdown")
struct ThirdPartyPremiumTests {
    /// By hand:
    /// - base 78,748,000
    /// - usage taxi-urban 10 % = 7,874,800; missing inspection 5 % = 3,937,400;
    ///   age 18 → (18 − 15) × 2 = 6 % = 4,724,880; 4 negative points = 4 % = 3,149,920
    ///   S = 25 %, gross G = 78,748,000 × 1.25 = 98,435,000
    /// - safe driving 10 % of G = −9,843,500
    /// - no-claim: 6 years = 30 %, one financial claim −20 → 10 %: G × 0.9 × 0.1 = −8,859,150
    ///   (mandatory = G × 0.9 × 0.9 = 79,732,350)
    /// - extra cover: 1,000,000,000 − 533,250,000 = 466,750,000 = 46.675 units → 47 × 50,000 = 2,350,000
    /// - driver accident 4,000,000
    /// - late penalty: 1404/02/20 → 1404/03/01 = 11 + 1 = 12 days: 98,435,000 × 12 / 365
    ///   = 1,181,220,000 / 365 = 3,236,219.18 → 3,236,219
    /// - total 79,732,350 + 2,350,000 + 4,000,000 + 3,236,219 = 89,318,569
    @Test("R-TP-04…R-TP-09 a full worked quote")
    func workedQuote() throws {
        let quote = try tpQuote(tpInputs([
            "usage": #""taxi-urban""#, "missingInspection": "true", "vehicleAgeYears": "18",
            "negativePoints": "4", "safeDrivingCourse": "true", "claimFreeYears": "6", "financialClaims": "1",
            "financialCover": "1000000000", "driverAccident": "true", "previousPolicyEndDate": #""1404/02/20""#,
        ]))
        #expect(quote.lines.map(\.code) == [
            "base", "surcharge-usage", "surcharge-missing-inspection", "surcharge-vehicle-age",
            "surcharge-negative-points", "discount-safe-driving", "no-claim-discount", "extra-financial-cover",
            "driver-accident", "late-penalty",
        ])
        #expect(quote.lines.map(\.amount.amount) == [
            78_748_000, 7_874_800, 3_937_400, 4_724_880, 3_149_920, -9_843_500, -8_859_150, 2_350_000,
            4_000_000, 3_236_219,
        ])
        #expect(quote.total == 89_318_569)
        #expect(quote.lines.map(\.rule) == [
            "R-TP-04", "R-TP-05", "R-TP-05", "R-TP-05", "R-TP-05", "R-TP-05", "R-TP-06", "R-TP-09", "R-TP-07", "R-TP-08",
        ])
        #expect(quote.product == "third-party")
        #expect(quote.sumInsured == 1_000_000_000)
        #expect(quote.franchisePercent == nil)
        #expect(quote.tariffYear == 1404)
        #expect(quote.tariffIsSample)
        #expect(quote.line("surcharge-usage")?.label.contains("تاکسی درون‌شهری") == true)
        #expect(quote.line("no-claim-discount")?.label.contains("۱۰٪") == true)
    }

    /// A plain private car, nothing else: base only, total 78,748,000.
    @Test("R-TP-04 a plain private car is the base alone")
    func plainCar() throws {
        let quote = try tpQuote(tpInputs())
        #expect(quote.lines.map(\.code) == ["base"])
        #expect(quote.total == 78_748_000)
        #expect(quote.sumInsured == 533_250_000)
    }

    /// Age 26 → 22 % capped to 20 %: 78,748,000 × 0.2 = 15,749,600.
    /// 40 points → 30 %: 78,748,000 × 0.3 = 23,624,400. Total 78,748,000 + 15,749,600 + 23,624,400
    /// = 118,122,000.
    @Test("R-TP-05 capped surcharges in a quote (age 26 → 20 %, 40 points → 30 %)")
    func cappedSurcharges() throws {
        let quote = try tpQuote(tpInputs(["vehicleAgeYears": "26", "negativePoints": "40"]))
        #expect(tpAmount(quote, "surcharge-vehicle-age") == 15_749_600)
        #expect(tpAmount(quote, "surcharge-negative-points") == 23_624_400)
        #expect(quote.total == 118_122_000)
    }

    /// 15 claim-free years → 70 %: −78,748,000 × 0.7 = −55,123,600; total 23,624,400.
    /// 20 years: the same.
    @Test("R-TP-06 no-claim 15 and 20 years → 70 %", arguments: ["15", "20"])
    func noClaimCap(_ years: String) throws {
        let quote = try tpQuote(tpInputs(["claimFreeYears": years]))
        #expect(tpAmount(quote, "no-claim-discount") == -55_123_600)
        #expect(quote.total == 23_624_400)
    }

    @Test("R-TP-06 a reduction to 0 leaves no no-claim line")
    func noClaimFloored() throws {
        // 3 years (15 %) − 2 bodily claims (70) → 0
        let quote = try tpQuote(tpInputs(["claimFreeYears": "3", "bodilyClaims": "2"]))
        #expect(quote.line("no-claim-discount") == nil)
        #expect(quote.total == 78_748_000)
    }

    /// bus-under-27-seats 1404: 25,500,000 × 4 = 102,000,000 = G (private, no surcharge).
    /// public transport 50 % → −51,000,000; first registration 5 % → −5,100,000;
    /// no-claim 15 y = 70 % of G × (1 − 0.55) = 102,000,000 × 0.45 × 0.7 = −32,130,000;
    /// total = 102,000,000 × 0.45 × 0.3 = 13,770,000.
    @Test("R-TP-05 article-5 discounts add up on the gross, no-claim applies after them")
    func articleFiveThenNoClaim() throws {
        let quote = try tpQuote(tpInputs([
            "vehicleClass": #""bus-under-27-seats""#, "publicTransport": "true", "firstRegistration": "true",
            "claimFreeYears": "15",
        ]))
        #expect(quote.lines.map(\.code) == ["base", "discount-first-registration", "discount-public-transport",
                                            "no-claim-discount"])
        #expect(tpAmount(quote, "discount-public-transport") == -51_000_000)
        #expect(tpAmount(quote, "discount-first-registration") == -5_100_000)
        #expect(tpAmount(quote, "no-claim-discount") == -32_130_000)
        #expect(quote.total == 13_770_000)
    }

    /// truck-over-20t 1404: 33,000,000 × 4 = 132,000,000. hazardous goods 50 % = 66,000,000;
    /// 2 trailers 30 % = 39,600,000; G = 132,000,000 × 1.8 = 237,600,000; first registration 5 %
    /// of G = −11,880,000. Total 132,000,000 + 66,000,000 + 39,600,000 − 11,880,000 = 225,720,000.
    @Test("R-TP-05 usage and trailer surcharges; article-5 discount on the gross")
    func truck() throws {
        let quote = try tpQuote(tpInputs([
            "vehicleClass": #""truck-over-20t""#, "usage": #""hazardous-goods""#, "extraTrailers": "2",
            "firstRegistration": "true",
        ]))
        #expect(tpAmount(quote, "surcharge-usage") == 66_000_000)
        #expect(tpAmount(quote, "surcharge-extra-trailers") == 39_600_000)
        #expect(tpAmount(quote, "discount-first-registration") == -11_880_000)
        #expect(quote.total == 225_720_000)
    }

    /// R-TP-09 1404: [533,250,000, 10,665,000,000].
    /// - exactly the minimum → no extra line; minimum + 1 → 1 started unit → 50,000
    /// - maximum: 10,665,000,000 − 533,250,000 = 10,131,750,000 = 1,013.175 units → 1,014 × 50,000 = 50,700,000
    /// - 543,250,000 = minimum + 10,000,000 → exactly 1 unit → 50,000
    @Test("R-TP-09 extra financial cover per started unit", arguments: [
        (0, nil), (533_250_000, nil), (533_250_001, 50_000), (543_250_000, 50_000), (543_250_001, 100_000),
        (10_665_000_000, 50_700_000),
    ] as [(Int64, Int64?)])
    func extraCover(_ cover: Int64, _ premium: Int64?) throws {
        let quote = try tpQuote(tpInputs(["financialCover": String(cover)]))
        #expect(tpAmount(quote, "extra-financial-cover") == premium)
        #expect(quote.sumInsured == Rial(cover == 0 ? 533_250_000 : cover))
    }

    @Test("R-TP-09 the 1403 minimum is 2.5 % of 16,000,000,000 = 400,000,000")
    func minimum1403() throws {
        let quote = try tpQuote(tpInputs(["issueDate": #""1403/08/01""#]))
        #expect(quote.sumInsured == 400_000_000)
        #expect(quote.tariffYear == 1403)
        // 1403 car-4-cyl: 19,687,000 × 3 = 59,061,000
        #expect(quote.total == 59_061_000)
    }

    @Test("R-TP-07 driver-accident cover only when asked")
    func driverAccident() throws {
        #expect(tpAmount(try tpQuote(tpInputs(["driverAccident": "true"])), "driver-accident") == 4_000_000)
        #expect(try tpQuote(tpInputs()).line("driver-accident") == nil)
    }

    /// R-G-02, car-under-4-cyl 1403 (14,142,000 × 3 = 42,426,000) with age 16 (2 %) and 3 points
    /// (3 %): 848,520 and 1,272,780; G = 42,426,000 × 1.05
    /// = 44,547,300; safe driving 10 % = −4,454,730; no-claim 1 y (5 %) of G × 0.9 = 40,092,570 ×
    /// 0.05 = 2,004,628.5 → −2,004,629 (half away from zero). Total 42,426,000 + 848,520 + 1,272,780
    /// − 4,454,730 − 2,004,629 = 38,087,941.
    @Test("R-G-02 each line rounded once, half away from zero; total = Σ lines")
    func rounding() throws {
        let quote = try tpQuote(tpInputs([
            "vehicleClass": #""car-under-4-cyl""#, "issueDate": #""1403/08/01""#, "vehicleAgeYears": "16",
            "negativePoints": "3", "safeDrivingCourse": "true", "claimFreeYears": "1",
        ]))
        #expect(tpAmount(quote, "no-claim-discount") == -2_004_629)
        #expect(quote.total == 38_087_941)
        #expect(quote.total == (try Rial.sum(quote.lines.map(\.amount))))
    }

    @Test("premiumLines never traps on extreme hand-built inputs")
    func extremes() throws {
        let tariff = try ThirdPartyTariff.forYear(1404)
        for n in [Int.min, -1, Int.max] {
            var inputs = ThirdPartyInputs(
                vehicleClass: "truck-over-20t", usage: "racing", issueDate: try jalali("1404/03/01"),
                previousPolicyEndDate: .earliestSupported, claimFreeYears: n, financialClaims: n, bodilyClaims: n,
                vehicleAgeYears: n, negativePoints: n, missingInspection: true, extraTrailers: n,
                financialCover: Rial(Int64.max), driverAccident: true, policyMonths: n)
            let error = #expect(throws: DomainError.self) { try ThirdPartyInsurance.premiumLines(inputs, tariff: tariff) }
            #expect(error?.code == "invalid-financial-cover")
            inputs.financialCover = .zero
            let lines = try ThirdPartyInsurance.premiumLines(inputs, tariff: tariff)
            #expect(lines.first?.code == "base")
        }
    }
}
