@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// T-SH as a yearly file: exported, loaded through the same tariff files as third party (the
/// file names its product), published over the API and used by quotes of its year. The year is
/// 1407, which has no built-in health tariff, so no other test prices with it.
@Suite("Health tariff files (T-SH)")
struct HealthTariffFileTests {
    /// 1406's sample as 1407, gold at `goldPrice`.
    static func tariff1407(goldPrice: Int64, bands: [HealthAgeBand]? = nil) throws -> HealthTariff {
        let base = try HealthTariff.forYear(1406)
        let plans = base.plans.map {
            $0.code == "gold" ? HealthPlan(code: $0.code, title: $0.title, price: Rial(goldPrice), franchise: $0.franchise,
                                           allowsWithoutBaseInsurance: $0.allowsWithoutBaseInsurance, covers: $0.covers) : $0
        }
        return HealthTariff(year: 1407, isSample: true, plans: plans, ageBands: bands ?? base.ageBands, groupShare: base.groupShare,
                            noBaseInsuranceSurcharge: base.noBaseInsuranceSurcharge, optionalCoverShare: base.optionalCoverShare,
                            minimumGroupMembers: base.minimumGroupMembers)
    }

    static func file(_ tariff: HealthTariff) throws -> Data {
        try TariffFileFormat.naming("supplementary-health", in: try HealthTariff.book.export(tariff))
    }

    @Test("a 1407 file makes 1407 priceable (gold 154,000,000 = 140,000,000 + 10 %); bad files change nothing")
    func loadPublishAndPrice() async throws {
        defer { HealthTariff.book.remove(year: 1407) }
        try await TestApp.run(adjust: { $0.fixedToday = try! JalaliDate(parsing: "1407/01/10") }) { app in
            let issuer = try await app.token("issuer")
            let body: [String: Any] = ["product": "supplementary-health", "date": "1407/01/10", "inputs": [
                "plan": "gold", "kind": "individual", "hasBaseInsurance": true,
                "persons": [["nationalCode": "0076229645", "birthDate": "1367/05/01", "sex": "female", "relation": "main"]]]]
            #expect(try await app.send(.POST, "/api/v1/quotes/preview", token: issuer, json: body).status == .unprocessableEntity)
            #expect(try await app.send(.GET, "/api/v1/tariffs/supplementary-health/1407", token: issuer).status == .notFound)

            // the export of 1406 names its product; loaded as 1407 it is compared with 1406
            let exported = try #require(try app.bimeh.products.tariffFiles.first { $0.product == "supplementary-health" }?.export(1406))
            #expect(TariffFileFormat.product(named: exported) == "supplementary-health")
            let loaded = try await TariffFiles.load(try Self.file(try Self.tariff1407(goldPrice: 154_000_000)), on: app, actor: .system("test"))
            #expect(loaded.product == "supplementary-health" && loaded.year == 1407 && loaded.comparedWith == 1406)
            // 140,000,000 → 154,000,000 is +10.00 %
            #expect(loaded.changes == ["~ plan gold: price 140000000 → 154000000 (+10.00 %)"])

            // main of 39 on 1407/01/10 (born 1367/05/01) → ×1.0 = 154,000,000
            let priced = try await app.send(.POST, "/api/v1/quotes/preview", token: issuer, json: body)
            #expect(priced.json["total"] as? Int == 154_000_000, "\(priced.body.string)")
            let published = try await app.send(.GET, "/api/v1/tariffs/supplementary-health/1407", token: issuer)
            let gold = try #require((published.json["plans"] as? [[String: Any]])?.first { $0["code"] as? String == "gold" })
            // group price 70 %: 154,000,000 × 0.7 = 107,800,000
            #expect(gold["price"] as? Int == 154_000_000 && gold["groupPrice"] as? Int == 107_800_000)
            let hospitalization = try #require((gold["covers"] as? [[String: Any]])?.first { $0["code"] as? String == "hospitalization" })
            #expect(hospitalization["ceiling"] as? Int == 2_000_000_000 && hospitalization["needsIntroduction"] as? Bool == true)

            // malformed, inconsistent (a gap in the age bands: 16–19 missing) or claimed for another product: refused with
            // a stable code, the stored row and the tariff in force untouched
            let sha = try #require(try await TariffFile.query(on: app.db).filter(\.$product == "supplementary-health").first()?.sha256)
            let gap = [HealthAgeBand(ages: 0...15, factor: Percent(50)), HealthAgeBand(ages: 20...80, factor: Percent(100))]
            for (data, code) in [(Data(#"{"product":"supplementary-health","year":1407}"#.utf8), "invalid-tariff"),
                                 (try Self.file(try Self.tariff1407(goldPrice: 1, bands: gap)), "invalid-tariff"),
                                 (try Self.file(try Self.tariff1407(goldPrice: 0)), "invalid-tariff")] {
                do {
                    _ = try await TariffFiles.load(data, on: app, actor: .system("test"))
                    Issue.record("accepted a bad file")
                } catch let error as DomainError {
                    #expect(error.code == code)
                    #expect(error.message.contains("تعرف"))  // a Persian message about the tariff
                }
            }
            await #expect(throws: DomainError.self) {
                try await TariffFiles.load(try Self.file(try Self.tariff1407(goldPrice: 160_000_000)), product: "third-party", on: app, actor: .system("test"))
            }
            #expect(try await TariffFile.query(on: app.db).filter(\.$product == "supplementary-health").first()?.sha256 == sha)
            #expect(try HealthTariff.forYear(1407).plan("gold")?.price == Rial(154_000_000))

            // a restarted server installs the stored file again
            HealthTariff.book.remove(year: 1407)
            #expect(throws: DomainError.self) { try HealthTariff.forYear(1407) }
            try await TariffFiles.installStored(on: app)
            #expect(try HealthTariff.forYear(1407).plan("gold")?.price == Rial(154_000_000))
        }
    }
}
