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
    static func department(of product: String, in products: ProductBook) -> String {
        ((try? products.line(product).family) ?? .life).claimsDepartment
    }

    static func monthly(year: Int, month: Int, products: ProductBook, on db: any Database) async throws -> Report {
        let first = try JalaliDate(year: year, month: month, day: 1)
        let last = try JalaliDate(year: year, month: month, day: JalaliDate.monthLength(year: year, month: month))
        let claims = try await Claim.query(on: db).filter(\.$noticeDate <= last.description).all()
        let orders = try await PaymentOrder.query(on: db).filter(\.$purpose == "claim")
            .filter(\.$orderDate >= first.description).filter(\.$orderDate <= last.description).all()
        let productOfClaim = Dictionary(claims.compactMap { c in c.id.map { ($0, c.product) } }, uniquingKeysWith: { a, _ in a })
        var tallies: [ProductCode: ClaimMonthTally] = [:]
        for claim in claims {
            var tally = tallies[claim.product] ?? ClaimMonthTally()
            if claim.noticeDate >= first.description { tally.noticedInMonth() }
            let state = ClaimAccess.state(of: claim)
            if !([.paymentOrdered, .paid].contains(state) || state.isTerminal) {
                try tally.open(loss: claim.loss.map { Rial(amount: $0) }, salvage: claim.salvage.map { Rial(amount: $0) })
            }
            tallies[claim.product] = tally
        }
        for order in orders {
            guard let claimID = order.$claim.id, let product = productOfClaim[claimID] else { continue }
            var tally = tallies[product] ?? ClaimMonthTally()
            try tally.paymentOrdered(Rial(amount: order.amount))
            tallies[product] = tally
        }
        let rows = tallies.map { product, t in
            Row(department: department(of: product.rawValue, in: products), product: product.rawValue, count: t.count, paid: t.paid.amount,
                outstanding: t.outstanding.amount, openFiles: t.openFiles)
        }
        return Report(year: year, month: month, rows: rows.sorted { ($0.department, $0.product) < ($1.department, $1.product) })
    }
}
