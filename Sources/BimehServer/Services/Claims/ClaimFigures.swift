import Fluent
import Foundation
import InsuranceKit
import Vapor

/// Monthly claims figures per department and product (count, paid, outstanding): the first
/// building block of the monthly reports (R-RP-01).
enum ClaimFigures {
    struct Row: Content {
        var department: String
        var product: String
        /// Files opened with a notice dated in the month.
        var count: Int
        /// Claim payment orders issued in the month.
        var paid: Int64
        /// Open files at the month's end: approved loss (loss − salvage) of assessed files, 0 for the others.
        var outstanding: Int64
        var openFiles: Int
    }

    struct Report: Content {
        var year: Int
        var month: Int
        var rows: [Row]
    }

    /// Claims are handled by the department of the product's family.
    static func department(of product: String) -> String {
        switch product {
        case "computer", "contractors-all-risk": "ادارهٔ خسارت بیمه‌های مهندسی"
        case "employers-liability", "third-party": "ادارهٔ خسارت بیمه‌های مسئولیت"
        default: "ادارهٔ خسارت بیمه‌های اشخاص"
        }
    }

    static func monthly(year: Int, month: Int, on db: any Database) async throws -> Report {
        let first = try JalaliDate(year: year, month: month, day: 1)
        let last = try JalaliDate(year: year, month: month, day: JalaliDate.monthLength(year: year, month: month))
        let inMonth = { (date: String) -> Bool in date >= first.description && date <= last.description }
        let claims = try await Claim.query(on: db).filter(\.$noticeDate <= last.description).all()
        let orders = try await PaymentOrder.query(on: db).filter(\.$purpose == "claim")
            .filter(\.$orderDate >= first.description).filter(\.$orderDate <= last.description).all()
        let productOfClaim = Dictionary(claims.compactMap { c in c.id.map { ($0, c.product) } }, uniquingKeysWith: { a, _ in a })
        var rows: [String: Row] = [:]
        func row(_ product: String) -> Row {
            rows[product] ?? Row(department: department(of: product), product: product, count: 0, paid: 0, outstanding: 0, openFiles: 0)
        }
        for claim in claims {
            var r = row(claim.product)
            if inMonth(claim.noticeDate) { r.count += 1 }
            let state = ClaimAccess.state(of: claim)
            let settled = [.paymentOrdered, .paid].contains(state) || state.isTerminal
            if !settled {
                r.openFiles += 1
                r.outstanding += max(0, (claim.loss ?? 0) - (claim.salvage ?? 0))
            }
            rows[claim.product] = r
        }
        for order in orders {
            guard let claimID = order.$claim.id, let product = productOfClaim[claimID] else { continue }
            var r = row(product)
            r.paid += order.amount
            rows[product] = r
        }
        return Report(year: year, month: month, rows: rows.values.sorted { ($0.department, $0.product) < ($1.department, $1.product) })
    }
}
