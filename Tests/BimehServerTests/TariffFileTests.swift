@testable import BimehServer
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Loading a third-party tariff file (T-TP): stored, compared, installed, installed again at start.
/// The year is 1401, which has a diya (T-DY) but no built-in tariff, so no other test prices with it.
@Suite("Third-party tariff files")
struct TariffFileTests {
    static func tariff1401(carBase: Int64) throws -> ThirdPartyTariff {
        let base = try ThirdPartyTariff.forYear(1403)
        let classes = base.vehicleClasses.map {
            $0.code == "car-4-cyl" ? ThirdPartyTariff.VehicleClass(code: $0.code, label: $0.label, basePremium: Rial(carBase), kind: $0.kind,
                                                                   requiredLicence: $0.requiredLicence) : $0
        }
        return ThirdPartyTariff(year: 1401, isSample: true, note: "نمونهٔ آزمون", vehicleClasses: classes, usages: base.usages, rates: base.rates,
                                extraCoverUnit: base.extraCoverUnit, extraCoverPremiumPerUnit: base.extraCoverPremiumPerUnit,
                                driverAccidentPremium: base.driverAccidentPremium, amnestyWindows: [])
    }

    @Test("a file for a year without a tariff makes it priceable; a second file shows the change (+10 %)")
    func loadAndPrice() async throws {
        defer { ThirdPartyTariffBook.remove(year: 1401) }
        try await TestApp.run(adjust: { $0.fixedToday = try! JalaliDate(parsing: "1401/06/10") }) { app in
            let issuer = try await app.token("issuer")
            let body: [String: Any] = ["product": "third-party", "date": "1401/06/10", "inputs": ThirdPartyTests.inputs(issueDate: "1401/06/10")]
            let before = try await app.send(.POST, "/api/v1/quotes/preview", token: issuer, json: body)
            #expect(before.status == .unprocessableEntity)

            let first = try await TariffFiles.load(try ThirdPartyTariffBook.export(try Self.tariff1401(carBase: 40_000_000)), on: app, actor: .system("test"))
            #expect(first.year == 1401 && first.comparedWith == nil)
            let priced = try await app.send(.POST, "/api/v1/quotes/preview", token: issuer, json: body)
            #expect(priced.status == .ok)
            let lines = try #require(priced.json["lines"] as? [[String: Any]])
            #expect(lines.first { $0["code"] as? String == "base" }?["amount"] as? Int == 40_000_000)

            // 40,000,000 → 44,000,000 is +10.00 %
            let second = try await TariffFiles.load(try ThirdPartyTariffBook.export(try Self.tariff1401(carBase: 44_000_000)), on: app, actor: .system("test"))
            #expect(second.comparedWith == 1401)
            #expect(second.changes == ["~ class car-4-cyl: base 40000000 → 44000000 (+10.00 %)"])
            #expect(try await TariffFile.query(on: app.db).count() == 1)

            // A restarted server installs the stored file again.
            ThirdPartyTariffBook.remove(year: 1401)
            #expect(throws: DomainError.self) { try ThirdPartyTariff.forYear(1401) }
            try await TariffFiles.installStored(on: app)
            #expect(try ThirdPartyTariff.forYear(1401).vehicleClass("car-4-cyl").basePremium == Rial(44_000_000))

            // A file that does not validate changes nothing.
            await #expect(throws: DomainError.self) {
                try await TariffFiles.load(Data("{\"year\":1401}".utf8), on: app, actor: .system("test"))
            }
            #expect(try ThirdPartyTariff.forYear(1401).vehicleClass("car-4-cyl").basePremium == Rial(44_000_000))
        }
    }
}
