import Fluent
import Foundation
import InsuranceKit
import SQLKit
import Vapor

/// One monthly report of R-RP-01 as API.md gives it: rows by group (and product), the total, its
/// state, and the entries behind it with their documents (R-RP-03). A closed month's rows come
/// from the figures its close froze; an open month's from the statistics store.
struct MonthlyReport: Content {
    struct Row: Content {
        var group: String
        var product: String
        var productTitle: String
        var count: Int
        var amount: Int64
    }

    struct Total: Content {
        var count: Int
        var amount: Int64
    }

    struct Entry: Content {
        var document: String
        var kind: String
        var product: String
        var department: String
        var agency: String
        var amount: Int64
        var documents: [String]
        /// `yyyy/mm` of the closed month an adjustment corrects.
        var corrects: String?
        var recordedOn: String
    }

    var kind: String
    var title: String
    var year: Int
    var month: Int
    var by: String
    var status: String
    var approved: Bool
    var sentTo: [String]
    var closed: Bool
    var rows: [Row]
    var total: Total
    var entries: [Entry]
    /// All entries of the report; `entries` holds one page of them.
    var entryCount: Int
    var page: Int
}

enum ReportDesk {
    static let pageSize = 500
    /// 500 × 1,000,000 entries is more than any month holds.
    static let maxPage = 1_000_000

    /// The report; `page` nil lists no entries (the dashboard), 0 all of them (CSV, print).
    static func report(_ kind: ReportKind, _ month: ReportMonth, by grouping: ReportGrouping, page: Int?, today: JalaliDate,
                       products: ProductBook, on db: any Database) async throws -> MonthlyReport {
        try month.checkBegun(today: today)
        let closed = try await MonthClose.query(on: db).filter(\.$month == month.key).first() != nil
        let cells = closed ? try await frozenCells(kind, month, on: db) : try await liveCells(kind.entryKinds, month, on: db)
        var tally = ReportTally()
        for cell in cells {
            try tally.add(.init(group: group(of: cell, by: grouping), product: ProductCode(cell.product)), count: cell.count, amount: Rial(amount: cell.amount))
        }
        let total = try tally.total()
        let state = try await workflow(kind, month, on: db)
        var entries: [MonthlyReport.Entry] = []
        if let page {
            entries = try await self.entries(kind, month, page: page, on: db)
        }
        return MonthlyReport(
            kind: kind.rawValue, title: kind.title, year: month.year, month: month.month, by: grouping.rawValue,
            status: state.status.rawValue, approved: state.approved, sentTo: state.sentTo.map(\.rawValue), closed: closed,
            rows: tally.rows.map { MonthlyReport.Row(group: $0.key.group, product: $0.key.product.rawValue,
                                                     productTitle: (try? products.line($0.key.product).title) ?? $0.key.product.rawValue,
                                                     count: $0.figure.count, amount: $0.figure.amount.amount) },
            total: .init(count: total.count, amount: total.amount.amount), entries: entries, entryCount: total.count, page: page ?? 0)
    }

    /// One aggregate cell: a (kind, department, agency, product) sum.
    struct Cell: Sendable, Decodable {
        var kind: String
        var department: String
        var agency: String
        var product: String
        var count: Int
        var amount: Int64
    }

    static func group(of cell: Cell, by grouping: ReportGrouping) -> String {
        switch grouping {
        case .department: cell.department
        case .agency: cell.agency
        case .company: StatisticsStore.companyGroup
        }
    }

    /// The month's cells from the store: one indexed aggregate over (month, kind, …).
    static func liveCells(_ kinds: Set<StatisticsKind>, _ month: ReportMonth, on db: any Database) async throws -> [Cell] {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let list = SQLList(kinds.map(\.rawValue).sorted().map { SQLBind($0) })
        return try await sql.raw("""
            SELECT kind, department, agency, product, CAST(COUNT(*) AS BIGINT) AS count, CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS amount
            FROM statistics_entries WHERE month = \(bind: month.key) AND kind IN (\(list))
            GROUP BY kind, department, agency, product
            """).all(decoding: Cell.self)
    }

    /// A closed month's cells, as its close froze them.
    static func frozenCells(_ kind: ReportKind, _ month: ReportMonth, on db: any Database) async throws -> [Cell] {
        try await FrozenFigure.query(on: db).filter(\.$month == month.key).filter(\.$kind ~~ kind.entryKinds.map(\.rawValue)).all()
            .map { Cell(kind: $0.kind, department: $0.department, agency: $0.agency, product: $0.product, count: $0.count, amount: $0.amount) }
    }

    /// One page of the entries (all of them for page 0), read as plain rows: a month holds about
    /// a hundred thousand, which Fluent models would take seconds to build.
    static func entries(_ kind: ReportKind, _ month: ReportMonth, page: Int, on db: any Database) async throws -> [MonthlyReport.Entry] {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        struct Row: Decodable {
            var document: String
            var kind: String
            var product: String
            var department: String
            var agency: String
            var amount: Int64
            var documents: String
            var corrects: String?
            var recorded_on: String
        }
        let list = SQLList(kind.entryKinds.map(\.rawValue).sorted().map { SQLBind($0) })
        var query: SQLQueryString = """
            SELECT document, kind, product, department, agency, amount, documents, corrects, recorded_on FROM statistics_entries
            WHERE month = \(bind: month.key) AND kind IN (\(list)) ORDER BY department, agency, product, document
            """
        // a page past any month's entries reads nothing; beyond it the offset would overflow
        if page > 0 { query.appendLiteral(" LIMIT \(pageSize) OFFSET \((min(page, maxPage) - 1) * pageSize)") }
        let decoder = JSONDecoder()
        return try await sql.raw(query).all(decoding: Row.self).map { row in
            MonthlyReport.Entry(document: row.document, kind: row.kind, product: row.product, department: row.department, agency: row.agency,
                                amount: row.amount, documents: (try? decoder.decode([String].self, from: Data(row.documents.utf8))) ?? [],
                                corrects: row.corrects, recordedOn: row.recorded_on)
        }
    }

    static func workflow(_ kind: ReportKind, _ month: ReportMonth, on db: any Database) async throws -> ReportWorkflow {
        guard let row = try await stateRow(kind, month, on: db) else { return ReportWorkflow() }
        return ReportWorkflow(approved: row.approved, sentTo: recipients(row))
    }

    static func stateRow(_ kind: ReportKind, _ month: ReportMonth, on db: any Database) async throws -> ReportState? {
        try await ReportState.query(on: db).filter(\.$kind == kind.rawValue).filter(\.$month == month.key).first()
    }

    static func recipients(_ row: ReportState) -> [ReportRecipient] {
        ((try? JSONDecoder().decode([String].self, from: Data(row.sentTo.utf8))) ?? []).compactMap(ReportRecipient.init(rawValue:))
    }
}
