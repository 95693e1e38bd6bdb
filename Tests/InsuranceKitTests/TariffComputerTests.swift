import Testing
@testable import InsuranceKit

@Suite("T computer insurance tariff data")
struct TariffComputerTests {
    @Test("T every computer tariff year validates and is labelled as a sample",
          arguments: ComputerTariff.all.map(\.year))
    func validates(_ year: Int) throws {
        let tariff = try ComputerTariff.forYear(year)
        try tariff.validate()
        #expect(tariff.isSample)
        #expect(tariff.note.contains("نمونه"))
    }

    @Test("T tariff data exists for 1403 to 1406, one value per year")
    func years() {
        #expect(ComputerTariff.all.map(\.year) == [1403, 1404, 1405, 1406])
    }

    @Test("R-CP-02 seed figures: 1 % rate, volume bands 50 → 10 %, 51–100 → 15 %, ≥ 101 → 20 %")
    func seedFigures() throws {
        let tariff = try ComputerTariff.forYear(1405)
        #expect(tariff.annualRate == Percent(1))
        let expected: [(Int, Int64)] = [
            (1, 0), (49, 0), (50, 10), (51, 15), (100, 15), (101, 20), (10_000, 20), (0, 0), (-5, 0), (Int.max, 20),
        ]
        for (count, percent) in expected {
            #expect(tariff.volumeDiscount(itemCount: count) == Percent(percent), "n = \(count)")
        }
    }

    @Test("T validate() refuses incoherent figures")
    func invalidTariffs() {
        func tariff(rate: Percent = Percent(1), bands: [ComputerTariff.VolumeBand] = [],
                    maxDiscount: Percent = Percent(10), franchise: Percent = Percent(10),
                    range: ClosedRange<Percent> = Percent(5)...Percent(30)) -> ComputerTariff {
            ComputerTariff(year: 1404, isSample: true, note: "test", annualRate: rate, volumeBands: bands,
                           maxCompetitiveDiscount: maxDiscount, defaultFranchise: franchise, franchiseRange: range)
        }
        let broken: [(ComputerTariff, String)] = [
            (tariff(rate: .zero), "tariffs.computer.annualRate"),
            (tariff(rate: Percent(101)), "tariffs.computer.annualRate"),
            (tariff(bands: [.init(items: 50...60, discount: Percent(10)), .init(items: 60...70, discount: Percent(15))]),
             "tariffs.computer.volumeBands"),
            (tariff(bands: [.init(items: 0...10, discount: Percent(10))]), "tariffs.computer.volumeBands"),
            (tariff(bands: [.init(items: 50...60, discount: Percent(-1))]), "tariffs.computer.volumeBands"),
            (tariff(maxDiscount: Percent(150)), "tariffs.computer.maxCompetitiveDiscount"),
            (tariff(franchise: Percent(40)), "tariffs.computer.defaultFranchise"),
            (tariff(range: Percent(-5)...Percent(30)), "tariffs.computer.franchiseRange"),
        ]
        for (value, field) in broken {
            let error = #expect(throws: DomainError.self) { try value.validate() }
            #expect(error?.code == "invalid-tariff")
            #expect(error?.field == field)
        }
        #expect(throws: Never.self) { try tariff().validate() }
    }

    @Test("T a year without a tariff")
    func missingYear() {
        let error = #expect(throws: DomainError.self) { try ComputerTariff.forYear(1402) }
        #expect(error?.code == "no-tariff-for-year")
        #expect(error?.message == "تعرفهٔ بیمهٔ رایانه برای سال ۱۴۰۲ تعریف نشده است.")
    }
}
