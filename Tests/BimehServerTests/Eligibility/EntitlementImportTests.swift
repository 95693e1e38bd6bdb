@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import SQLKit
import Testing
import VaporTesting

/// `bimeh eligibility import` (API.md): row-by-row validation, atomic replacement of a source.
@Suite("Entitlement import")
struct EntitlementImportTests {
    static func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "entitlements-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func load(_ app: Application, _ path: String, source: String) async throws -> (EntitlementLoader.Report, [RowRejection]) {
        let rejections = Rejections()
        let batches = try CSVImportBatches(path: path) { rejections.add($0) }
        let report = try await EntitlementLoader(source: source).replace(on: app, actor: .system("test"), from: batches)
        return (report, rejections.all)
    }

    final class Rejections: @unchecked Sendable {
        var all: [RowRejection] = []
        func add(_ r: RowRejection) { all.append(r) }
    }

    @Test("good rows load; each bad row is reported with its line number and reason; the providers see the new rows")
    func validatesRows() async throws {
        try await TestApp.run { app in
            let path = try Self.file("""
                \u{FEFF}nationalCode,insuranceNumber,validTo,relation,plan\r
                1234567891,T-100,1405/06/31,main,پایه\r
                0076229646,T-101,1405/06/31,main,پایه\r
                5678123491,T-102,1404/12/30,main,پایه\r
                0499370899,T-103,1405/06/31,cousin,پایه\r
                100200300401,T-104,1405/06/31,child,"تکمیلی، خانواده"\r
                0076229645,T-105,1405/06/31\r
                1583250689,T-106,1406/01/01,main,\r

                """)
            let (report, rejections) = try await Self.load(app, path, source: "tamin")
            #expect(report.loaded == 2)
            #expect(report.rejected == 5)
            #expect(rejections.map(\.lineNumber) == [3, 4, 5, 7, 8])
            #expect(rejections.map(\.code) == ["invalid-person-id", "invalid-date", "invalid-relation", "wrong-field-count", "invalid-plan"])
            #expect(rejections.allSatisfy { !$0.reason.isEmpty })

            let provider = try await app.token("provider")
            let res = try await app.send(.GET, "/api/v1/eligibility/1234567891", token: provider)
            #expect(res.json["covered"] as? Bool == true)
            #expect(res.json["insurer"] as? String == "tamin")
            #expect(res.json["coverTo"] as? String == "1405/06/31")
            let foreign = try await app.send(.GET, "/api/v1/eligibility/100200300401", token: provider)
            #expect(foreign.json["plan"] as? String == "تکمیلی، خانواده")
            #expect(foreign.json["relation"] as? String == "child")
        }
    }

    @Test("a re-import replaces that source's rows only; a failure part-way leaves the old rows whole")
    func atomicReplacement() async throws {
        try await TestApp.run { app in
            let header = "nationalCode,insuranceNumber,validTo,relation,plan\n"
            _ = try await Self.load(app, try Self.file(header + "1234567891,T-1,1405/06/31,main,پایه\n"), source: "tamin")
            let (second, _) = try await Self.load(app, try Self.file(header + "4499116686,T-2,1405/06/31,main,پایه\n"), source: "tamin")
            #expect(second.replaced == 1 && second.loaded == 1)
            let provider = try await app.token("provider")
            #expect(try await app.send(.GET, "/api/v1/eligibility/1234567891", token: provider).json["covered"] as? Bool == false)
            #expect(try await app.send(.GET, "/api/v1/eligibility/4499116686", token: provider).json["covered"] as? Bool == true)
            // The demo source is untouched by tamin's imports.
            #expect(try await app.send(.GET, "/api/v1/eligibility/0076229645", token: provider).json["covered"] as? Bool == true)

            struct Broken: Error {}
            final class FailingBatches: EntitlementBatches, @unchecked Sendable {
                var calls = 0
                func next() throws -> [Entitlement] {
                    calls += 1
                    if calls == 2 { throw Broken() }
                    return [Entitlement(person: try PersonIdentifier("1234567891"), insuranceNumber: "T-3", validFrom: nil,
                                        validTo: try JalaliDate(parsing: "1405/06/31"), relation: .main, plan: "پایه")]
                }
                var rejected: Int64 { 0 }
            }
            await #expect(throws: Broken.self) {
                try await EntitlementLoader(source: "tamin").replace(on: app, actor: .system("test"), from: FailingBatches())
            }
            #expect(try await app.send(.GET, "/api/v1/eligibility/4499116686", token: provider).json["covered"] as? Bool == true)
            #expect(try await app.send(.GET, "/api/v1/eligibility/1234567891", token: provider).json["covered"] as? Bool == false)
            let source = try #require(try await EntitlementSource.query(on: app.db).filter(\.$name == "tamin").first())
            #expect(source.persons == 1)
        }
    }

    @Test("a file without the API.md header is refused before anything is read")
    func wrongHeader() throws {
        let path = try Self.file("code,number,to,relation,plan\n1234567891,T-1,1405/06/31,main,پایه\n")
        #expect(throws: CSVImportBatches.HeaderError.self) { try CSVImportBatches(path: path) { _ in } }
    }

    @Test("the synthetic list loads through the same path (seed eligibility)")
    func synthetic() async throws {
        try await TestApp.run { app in
            let rows = SyntheticEntitlements(persons: 2_500, seed: 7, today: TestApp.today)
            let report = try await EntitlementLoader(source: SyntheticEntitlements.sourceName)
                .replace(on: app, actor: .system("test"), from: SyntheticBatches(rows))
            #expect(report.loaded == 2_500)
            guard let sql = app.db as? any SQLDatabase else { return }
            struct Count: Decodable { var n: Int }
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM entitlements WHERE source = 'synthetic'").first(decoding: Count.self)
            #expect(count?.n == 2_500)
        }
    }
}
