import Foundation
import Testing
@testable import InsuranceKit

@Suite("T-TP third-party tariffs")
struct ThirdPartyTariffTests {
    @Test("T-TP a valid tariff exists for every year 1402…1406, labelled sample", arguments: [1402, 1403, 1404, 1405, 1406])
    func everyYearValidates(_ year: Int) throws {
        let tariff = try ThirdPartyTariff.forYear(year)
        try tariff.validate()
        #expect(tariff.year == year)
        #expect(tariff.isSample)
        #expect(tariff.note.contains("نمونه"))
        #expect(tariff.rates == .spec)
    }

    /// Corrected (R-TP-08 revised): 1402 now has tariff data (the year that names an amnesty
    /// window), so the year outside the table is 1399.
    @Test("T-TP no tariff for a year outside the table")
    func missingYear() {
        let error = #expect(throws: DomainError.self) { try ThirdPartyTariff.forYear(1399) }
        #expect(error?.code == "no-tariff-for-year")
        #expect(error?.field == "date")
    }

    /// The SPEC's 1399 reference × the year's sample multiplier, by hand:
    /// 1403 ×3: 14,142,000 → 42,426,000; 16,747,000 → 50,241,000; 19,687,000 → 59,061,000;
    ///          22,032,000 → 66,096,000.
    /// 1404 ×4: 19,687,000 → 78,748,000. 1406 ×6: 22,032,000 → 132,192,000.
    @Test("R-TP-04 car bases are the SPEC's 1399 reference scaled (samples)")
    func carBases() throws {
        let t1403 = try ThirdPartyTariff.forYear(1403)
        #expect(try t1403.vehicleClass("car-under-4-cyl").basePremium == 42_426_000)
        #expect(try t1403.vehicleClass("car-4-cyl-peykan-pride").basePremium == 50_241_000)
        #expect(try t1403.vehicleClass("car-4-cyl").basePremium == 59_061_000)
        #expect(try t1403.vehicleClass("car-over-4-cyl").basePremium == 66_096_000)
        #expect(try ThirdPartyTariff.forYear(1404).vehicleClass("car-4-cyl").basePremium == 78_748_000)
        #expect(try ThirdPartyTariff.forYear(1406).vehicleClass("car-over-4-cyl").basePremium == 132_192_000)
    }

    @Test("R-TP-04 classes by cylinders, tonnage and seats; R-TP-05 usages with the SPEC's surcharges")
    func classesAndUsages() throws {
        let tariff = try ThirdPartyTariff.forYear(1404)
        let codes = tariff.vehicleClasses.map(\.code)
        for code in ["car-under-4-cyl", "car-4-cyl-peykan-pride", "car-4-cyl", "car-over-4-cyl", "motorcycle-1-cyl",
                     "truck-under-3t", "bus-under-27-seats"] {
            #expect(codes.contains(code))
        }
        let surcharges = Dictionary(uniqueKeysWithValues: tariff.usages.map { ($0.code, $0.surchargePercent) })
        #expect(surcharges == [
            "private": .zero, "taxi-urban": Percent(10), "taxi-intercity": Percent(20), "fuel-carrier": Percent(25),
            "hazardous-goods": Percent(50), "driving-school": Percent(15), "racing": Percent(50),
            "ambulance": Percent(10), "fire-fighting": Percent(10), "industrial": Percent(20),
        ])
        let error = #expect(throws: DomainError.self) { try tariff.usage("taxi") }
        #expect(error?.code == "unknown-usage")
    }

    /// R-TP-09 for 1404 by hand: haram diya 21,330,000,000; 2.5 % = 533,250,000; 50 % = 10,665,000,000.
    /// 1403: 16,000,000,000 → 400,000,000 … 8,000,000,000.
    @Test("R-TP-09 financial cover bounds from the year's haram diya")
    func coverBounds() throws {
        #expect(try ThirdPartyTariff.forYear(1404).financialCoverBounds() == Rial(533_250_000)...Rial(10_665_000_000))
        #expect(try ThirdPartyTariff.forYear(1403).financialCoverBounds() == Rial(400_000_000)...Rial(8_000_000_000))
    }

    /// Corrected (R-TP-08 revised): the window is seed 001's 1402/06/02–1402/06/18, named by the
    /// 1402 tariff only; 1404 (and every other sample year) names none, so it has none.
    @Test("R-TP-08 amnesty windows are inclusive (1402: 2–18 Shahrivar); 1404 has none")
    func amnesty() throws {
        let tariff = try ThirdPartyTariff.forYear(1402)
        #expect(!tariff.isInAmnestyWindow(try jalali("1402/06/01")))
        #expect(tariff.isInAmnestyWindow(try jalali("1402/06/02")))
        #expect(tariff.isInAmnestyWindow(try jalali("1402/06/18")))
        #expect(!tariff.isInAmnestyWindow(try jalali("1402/06/19")))
        let t1404 = try ThirdPartyTariff.forYear(1404)
        #expect(t1404.amnestyWindows.isEmpty)
        #expect(!t1404.isInAmnestyWindow(try jalali("1404/06/10")))
    }

    @Test("T-TP validate() names the first problem", arguments: [
        ("duplicate class", "tariffs.third-party.vehicleClasses"),
        ("no private usage", "tariffs.third-party.usages"),
        ("window in another year", "tariffs.third-party.amnestyWindows"),
        ("year without diya", "tariffs.third-party.financialCover"),
    ])
    func invalidTariffs(_ problem: String, _ field: String) throws {
        let good = try ThirdPartyTariff.forYear(1404)
        var classes = good.vehicleClasses, usages = good.usages, windows = good.amnestyWindows, year = good.year
        switch problem {
        case "duplicate class": classes.append(classes[0])
        case "no private usage": usages.removeFirst()
        case "window in another year": windows = [try jalali("1403/06/02")...(try jalali("1404/06/18"))]
        default: year = 1399; windows = []
        }
        let bad = ThirdPartyTariff(
            year: year, isSample: true, note: good.note, vehicleClasses: classes, usages: usages, rates: good.rates,
            extraCoverUnit: good.extraCoverUnit, extraCoverPremiumPerUnit: good.extraCoverPremiumPerUnit,
            driverAccidentPremium: good.driverAccidentPremium, amnestyWindows: windows)
        let error = #expect(throws: DomainError.self) { try bad.validate() }
        #expect(error?.code == "invalid-tariff")
        #expect(error?.field == field)
    }

    /// Corrected (R-TP-08 revised): 1404 names no amnesty window, so its list is empty; 1402's
    /// body carries seed 001's window.
    @Test("API.md tariff endpoint body: year, vehicleClasses, usages, amnestyWindows {from, to}")
    func document() throws {
        let body = ThirdPartyTariffDocument(try ThirdPartyTariff.forYear(1404))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(body), as: UTF8.self)
        #expect(json.contains(#""amnestyWindows":[]"#))
        let json1402 = String(decoding: try encoder.encode(ThirdPartyTariffDocument(try ThirdPartyTariff.forYear(1402))),
                              as: UTF8.self)
        #expect(json1402.contains(#""amnestyWindows":[{"from":"1402/06/02","to":"1402/06/18"}]"#))
        #expect(json.contains(#"{"basePremium":78748000,"code":"car-4-cyl","label":"سواری چهار سیلندر (سایر)"}"#))
        #expect(json.contains(#"{"code":"private","label":"شخصی","surchargePercent":0}"#))
        #expect(json.contains(#""isSample":true"#))
        #expect(body.usages.first { $0.code == "taxi-urban" }?.surchargePercent == Percent(10))
    }
}
