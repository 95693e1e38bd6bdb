import Testing
@testable import InsuranceKit

@Suite("T-DY diya table")
struct DiyaTableTests {
    @Test("T-DY the table validates")
    func validates() throws {
        try DiyaTable.validate()
    }

    /// Corrected (T-DY, R-TP-08 revised): figures the SPEC does not give as announced are samples,
    /// so 1405 (ordinary from a secondary source, haram by the ⅓ rule) is now labelled a sample.
    @Test("T-DY SPEC figures verbatim 1400…1405; 1400…1404 announced, 1405 a sample", arguments: [
        (1400, 4_800_000_000, 6_400_000_000, false),
        (1401, 6_000_000_000, 8_000_000_000, false),
        (1402, 9_000_000_000, 12_000_000_000, false),
        (1403, 12_000_000_000, 16_000_000_000, false),
        (1404, 16_000_000_000, 21_330_000_000, false),
        (1405, 21_000_000_000, 28_000_000_000, true),
    ] as [(Int, Int64, Int64, Bool)])
    func specFigures(_ year: Int, _ ordinary: Int64, _ haram: Int64, _ sample: Bool) throws {
        #expect(try DiyaTable.ordinary(year: year) == Rial(ordinary))
        #expect(try DiyaTable.haram(year: year) == Rial(haram))
        #expect(try DiyaTable.rates(year: year).isSample == sample)
    }

    /// 1405: haram = 21,000,000,000 + ⅓ = 28,000,000,000; the ordinary figure is from a secondary
    /// source (SPEC T-DY), which the note says. 1406: sample 27,000,000,000 + ⅓ = 36,000,000,000.
    @Test("T-DY 1405 (secondary source) and 1406 are samples, and their notes say so")
    func provisionalAndSample() throws {
        let secondary = try DiyaTable.rates(year: 1405)
        #expect(secondary.isSample)
        #expect(secondary.note.contains("منبع ثانوی"))
        #expect(secondary.note.contains("نمونه"))
        let sample = try DiyaTable.rates(year: 1406)
        #expect(sample.isSample)
        #expect(sample.haram == 36_000_000_000)
        #expect(sample.ordinary == 27_000_000_000)
    }

    @Test("T-DY a year outside the table is refused")
    func missingYear() {
        let error = #expect(throws: DomainError.self) { try DiyaTable.haram(year: 1399) }
        #expect(error?.code == "no-diya-for-year")
    }
}
