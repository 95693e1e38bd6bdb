import Fluent
import Foundation
import InsuranceKit
import Vapor

/// `bimeh reports bench [--seed-policies N] [--year Y]`: seeds N policies' statistics entries
/// (with endorsements, cancellations and claim payments) spread over the 12 months of a past year,
/// written directly in batches like the other bench seeds, then times every report of one month
/// and the month-end close. Figures go to docs/PERFORMANCE.md (scripts/bench-reports.sh).
struct ReportsBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed-policies", help: "Seed this many policies first (0 or absent: use what is there)")
        var policies: Int?
        @Option(name: "year", help: "The Jalali year seeded and timed (default last year)")
        var year: Int?
        init() {}
    }

    var help: String { "Seed the statistics store and time the monthly reports and the month-end close" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let year = signature.year ?? app.bimeh.clock.today().year - 1
        if let count = signature.policies, count > 0 {
            let seconds = try await Self.seconds { try await ReportsBenchSeed.seed(policies: count, year: year, products: app.bimeh.products, on: app.db) }
            context.console.print("Seeded \(count) policies' statistics entries over \(year) in \(String(format: "%.1f", seconds)) s.")
        }
        let month = try ReportMonth(year: year, month: 6)
        let total = try await StatisticsEntry.query(on: app.db).filter(\.$month == month.key).count()
        context.console.print("\(month): \(total) statistics entries")
        for kind in ReportKind.allCases {
            for grouping in ReportGrouping.allCases {
                var rows = 0
                let seconds = try await Self.seconds {
                    let report = try await ReportDesk.report(kind, month, by: grouping, page: 1, today: app.bimeh.clock.today(), products: app.bimeh.products, on: app.db)
                    rows = report.rows.count
                }
                context.console.print("report \(kind.rawValue) by \(grouping.rawValue): \(String(format: "%.3f", seconds)) s (\(rows) rows)")
            }
        }
        var csvBytes = 0
        let csvSeconds = try await Self.seconds {
            let report = try await ReportDesk.report(.contractsAndEndorsements, month, by: .agency, page: 0, today: app.bimeh.clock.today(),
                                                     products: app.bimeh.products, on: app.db)
            csvBytes = ReportExport.csv(report).utf8.count
        }
        context.console.print("CSV contracts-and-endorsements by agency, every entry: \(String(format: "%.3f", csvSeconds)) s (\(csvBytes / 1_000_000) MB)")
        let dashboardSeconds = try await Self.seconds { _ = try await YearFigures.load(year: year, on: app.db) }
        context.console.print("dashboard figures of \(year): \(String(format: "%.3f", dashboardSeconds)) s")
        // the months close in order: the ones before the timed month first (untimed)
        var closeSeconds: Double?
        for m in 1...6 {
            let target = try ReportMonth(year: year, month: m)
            if try await MonthClose.query(on: app.db).filter(\.$month == target.key).first() != nil { continue }
            let seconds = try await Self.seconds {
                _ = try await app.bimeh.store.write(on: app.db, actor: .system("reports-bench"), requestID: nil) { work in
                    try await CloseMonth(month: target).run(in: work)
                }
            }
            if m == 6 { closeSeconds = seconds }
        }
        context.console.print(closeSeconds.map { "close \(month): \(String(format: "%.3f", $0)) s" } ?? "close \(month): closed before")
        let frozen = try await Self.seconds {
            _ = try await ReportDesk.report(.contractsAndEndorsements, month, by: .agency, page: 1, today: app.bimeh.clock.today(), products: app.bimeh.products, on: app.db)
        }
        context.console.print("report contracts-and-endorsements by agency, closed month: \(String(format: "%.3f", frozen)) s")
    }

    static func seconds(_ body: () async throws -> Void) async throws -> Double {
        let started = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// The bench's synthetic statistics entries: for each policy its issue entry, and for some an
/// endorsement (1 in 5), a cancellation (1 in 50) and a claim payment (1 in 20), over 20 agencies
/// and every product of the catalog. Deterministic.
enum ReportsBenchSeed {
    static func seed(policies: Int, year: Int, products: ProductBook, on db: any Database) async throws {
        let lines = products.catalog.lines
        let agencies = (1...20).map { "نمایندگی آزمایشی \($0)" } + ["فروش مستقیم"]
        var batch: [StatisticsEntry] = []
        var rng: UInt64 = 1405
        func next(_ bound: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(bound))
        }
        func entry(_ kind: StatisticsKind, _ n: Int, _ line: any ProductLine, _ agency: String, month: Int, amount: Int64, document: String) -> StatisticsEntry {
            let e = StatisticsEntry()
            e.month = year * 100 + month
            e.effectMonth = e.month
            e.kind = kind.rawValue
            e.product = line.code.rawValue
            e.family = line.family.rawValue
            e.department = line.family.reportsDepartment
            e.agency = agency
            e.agencyCode = nil
            e.complexCode = "01"
            e.channel = agency == "فروش مستقیم" ? "direct" : "agency"
            e.amount = amount
            e.document = document
            e.documents = "[\"\(document)\"]"
            e.sourceEntity = "bench"
            e.sourceID = UUID()
            e.recordedOn = "\(year)/\(month < 10 ? "0" : "")\(month)/15"
            return e
        }
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let rows = batch
            batch.removeAll(keepingCapacity: true)
            try await db.transaction { tx in
                for start in stride(from: 0, to: rows.count, by: 200) {
                    try await Array(rows[start..<min(start + 200, rows.count)]).create(on: tx)
                }
            }
        }
        for n in 1...policies {
            let line = lines[next(lines.count)]
            let agency = agencies[next(agencies.count)]
            let month = 1 + next(12)
            let premium = Int64(1_000_000 + next(50) * 100_000)
            batch.append(entry(.policy, n, line, agency, month: month, amount: premium, document: "بیمه‌نامهٔ \(year)/\(n)"))
            if n % 5 == 0 {
                batch.append(entry(.endorsement, n, line, agency, month: min(12, month + next(3)), amount: n % 10 == 0 ? -premium / 10 : premium / 5,
                                   document: "الحاقیهٔ ۱ بیمه‌نامهٔ \(year)/\(n)"))
            }
            if n % 50 == 0 {
                batch.append(entry(.cancellation, n, line, agency, month: min(12, month + 1 + next(3)), amount: -premium / 2, document: "فسخ بیمه‌نامهٔ \(year)/\(n)"))
            }
            if n % 20 == 0 {
                batch.append(entry(.claimPayment, n, line, agency, month: min(12, month + next(4)), amount: premium * 3, document: "حوالهٔ پرداخت \(year)/\(n)"))
            }
            if batch.count >= 10_000 { try await flush() }
        }
        try await flush()
    }
}
