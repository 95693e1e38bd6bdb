import Fluent
import Foundation
import InsuranceKit
import SQLKit

/// The year's figures for the accountant's and head's dashboard: premium written (policies,
/// endorsements, cancellations) and claims paid per month, per product family and per agency,
/// and the loss ratio. One aggregate over the year's months.
struct YearFigures: Sendable {
    struct Line: Sendable {
        var label: String
        var premium: Int64
        var claims: Int64
        var lossRatio: String
    }

    var year: Int
    var months: [Line]
    var families: [Line]
    var agencies: [Line]
    var total: Line

    private struct Cell: Decodable {
        var month: Int
        var kind: String
        var department: String
        var agency: String
        var amount: Int64
    }

    static func load(year: Int, on db: any Database) async throws -> YearFigures {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let cells = try await sql.raw("""
            SELECT month, kind, department, agency, CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS amount FROM statistics_entries
            WHERE month >= \(bind: year * 100 + 1) AND month <= \(bind: year * 100 + 12) GROUP BY month, kind, department, agency
            """).all(decoding: Cell.self)
        var byMonth: [Int: (Rial, Rial)] = [:], byFamily: [String: (Rial, Rial)] = [:], byAgency: [String: (Rial, Rial)] = [:]
        var total = (Rial.zero, Rial.zero)
        func add(_ into: inout [Int: (Rial, Rial)], _ key: Int, _ cell: Cell) throws {
            var pair = into[key] ?? (.zero, .zero)
            try Self.add(&pair, cell)
            into[key] = pair
        }
        for cell in cells {
            try add(&byMonth, cell.month % 100, cell)
            let family = ProductFamily.allCases.first { $0.reportsDepartment == cell.department }?.title ?? cell.department
            var f = byFamily[family] ?? (.zero, .zero); try Self.add(&f, cell); byFamily[family] = f
            var a = byAgency[cell.agency] ?? (.zero, .zero); try Self.add(&a, cell); byAgency[cell.agency] = a
            try Self.add(&total, cell)
        }
        func line(_ label: String, _ pair: (Rial, Rial)) -> Line {
            Line(label: label, premium: pair.0.amount, claims: pair.1.amount,
                 lossRatio: LossRatio.basisPoints(claims: pair.1, premium: pair.0).map(LossRatio.persian) ?? "—")
        }
        return YearFigures(
            year: year,
            months: (1...12).map { line(JalaliDate.monthNames[$0 - 1], byMonth[$0] ?? (.zero, .zero)) },
            families: byFamily.sorted { $0.key < $1.key }.map { line($0.key, $0.value) },
            agencies: byAgency.sorted { $0.value.0 > $1.value.0 }.prefix(12).map { line($0.key, $0.value) },
            total: line("کل سال", total))
    }

    private static func add(_ pair: inout (Rial, Rial), _ cell: Cell) throws {
        if cell.kind == StatisticsKind.claimPayment.rawValue {
            pair.1 = try pair.1.adding(Rial(amount: cell.amount))
        } else {
            pair.0 = try pair.0.adding(Rial(amount: cell.amount))
        }
    }

    /// The three charts of the dashboard.
    var charts: [String] {
        func chart(_ title: String, _ lines: [Line]) -> String {
            ChartSVG.bars(title: title, labels: lines.map(\.label), series: [
                .init(name: "حق بیمه", cssClass: "bar-premium", values: lines.map(\.premium)),
                .init(name: "خسارت پرداختی", cssClass: "bar-claims", values: lines.map(\.claims)),
            ])
        }
        return [chart("حق بیمه و خسارت هر ماه \(Normalize.persianDigits(String(year)))", months),
                chart("به تفکیک رشته", families), chart("به تفکیک نمایندگی", agencies)]
    }
}
