import Foundation
import Testing
@testable import InsuranceKit

/// Loading next year's tariff from a file, and what changed.
@Suite("Third-party tariff files")
struct ThirdPartyTariffBookTests {
    @Test("a tariff exported to a file reads back equal, validated")
    func roundTrip() throws {
        let tariff = try ThirdPartyTariff.forYear(1405)
        let file = try ThirdPartyTariffBook.export(tariff)
        #expect(try ThirdPartyTariffBook.read(file) == tariff)
    }

    @Test("a broken file is refused with invalid-tariff")
    func refused() throws {
        let error = #expect(throws: DomainError.self) { try ThirdPartyTariffBook.read(Data("{\"year\": 1407}".utf8)) }
        #expect(error?.code == "invalid-tariff")
        var text = String(decoding: try ThirdPartyTariffBook.export(try ThirdPartyTariff.forYear(1405)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"code\" : \"private\"", with: "\"code\" : \"privat\"")
        let invalid = #expect(throws: DomainError.self) { try ThirdPartyTariffBook.read(Data(text.utf8)) }
        #expect(invalid?.code == "invalid-tariff")
    }

    @Test("the diff names each change: 1405 → 1406 sample tariffs are the 1399 reference × 5 and × 6 (+20 %)")
    func diff() throws {
        let lines = ThirdPartyTariffDiff.changes(from: try ThirdPartyTariff.forYear(1405), to: try ThirdPartyTariff.forYear(1406))
        // car-4-cyl: 19,687,000 × 5 = 98,435,000 → × 6 = 118,122,000, +20.00 %
        #expect(lines.contains("~ class car-4-cyl: base 98435000 → 118122000 (+20.00 %)"))
        #expect(lines.contains { $0.hasPrefix("~ driver accident: 5000000 → 6000000") })
        #expect(ThirdPartyTariffDiff.changes(from: try ThirdPartyTariff.forYear(1405), to: try ThirdPartyTariff.forYear(1405)).isEmpty)
        #expect(ThirdPartyTariffDiff.change(Rial(300), Rial(200)) == "-33.33 %")
    }

    @Test("an installed tariff replaces the built-in one of its year; removing it restores the built-in one")
    func install() throws {
        // Corrected (R-TP-08 revised): 1402 now has a built-in tariff, so the year is 1400: it has
        // a diya but no built-in tariff, and no other test installs it (the server's tests use 1401).
        let base = try ThirdPartyTariff.forYear(1406)
        let next = ThirdPartyTariff(year: 1400, isSample: true, note: base.note, vehicleClasses: base.vehicleClasses, usages: base.usages,
                                    rates: base.rates, extraCoverUnit: base.extraCoverUnit, extraCoverPremiumPerUnit: base.extraCoverPremiumPerUnit,
                                    driverAccidentPremium: base.driverAccidentPremium, amnestyWindows: [])
        #expect(throws: DomainError.self) { try ThirdPartyTariff.forYear(1400) }
        try ThirdPartyTariffBook.install(next)
        #expect(try ThirdPartyTariff.forYear(1400) == next)
        ThirdPartyTariffBook.remove(year: 1400)
        #expect(throws: DomainError.self) { try ThirdPartyTariff.forYear(1400) }
    }
}
