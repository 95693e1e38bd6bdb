import Fluent
import InsuranceKit
import Vapor

/// Demo persons for the eligibility inquiry (source "demo"), dated from the demo's today:
/// a covered main insured and his dependant, a person whose cover ended last month, and a covered
/// foreign national.
enum DemoEntitlements {
    static let source = "بیمهٔ پایهٔ نمونه"
    static let coveredMain = "0076229645"
    static let coveredSpouse = "0499370899"
    static let expired = "1583250689"
    static let coveredForeign = "100200300400"

    static func rows(today: JalaliDate) throws -> [Entitlement] {
        let nextYear = today.addingYears(1), lastMonth = today.addingMonths(-1)
        return [
            Entitlement(person: try PersonIdentifier(coveredMain), insuranceNumber: "DEMO-1001", validFrom: nil, validTo: nextYear,
                        relation: .main, plan: "تکمیلی الف"),
            Entitlement(person: try PersonIdentifier(coveredSpouse), insuranceNumber: "DEMO-1001-01", validFrom: nil, validTo: nextYear,
                        relation: .spouse, plan: "تکمیلی الف"),
            Entitlement(person: try PersonIdentifier(expired), insuranceNumber: "DEMO-1002", validFrom: nil, validTo: lastMonth,
                        relation: .main, plan: "پایه"),
            Entitlement(person: try PersonIdentifier(coveredForeign), insuranceNumber: "DEMO-2001", validFrom: nil, validTo: nextYear,
                        relation: .main, plan: "پایه"),
        ]
    }

    /// Loads the list once; returns how many persons were added (0 when already there).
    static func seed(_ app: Application) async throws -> Int {
        guard try await EntitlementSource.query(on: app.db).filter(\.$name == source).count() == 0 else { return 0 }
        let report = try await EntitlementLoader(source: source)
            .replace(on: app, actor: .system("seed-demo"), from: ListBatches(try rows(today: app.bimeh.clock.today())))
        return Int(report.loaded)
    }
}
