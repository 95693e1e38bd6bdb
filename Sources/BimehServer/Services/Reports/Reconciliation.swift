import Fluent
import Foundation
import InsuranceKit

/// `bimeh reports reconcile YEAR MONTH`: recomputes what the statistics store should hold for the
/// changes effective in a month from the source records (issued policies, issued endorsements,
/// cancellations, claim payment orders) and names every difference (R-P-10). An adjustment row
/// counts for the month it corrects.
enum Reconciliation {
    struct Difference: Sendable, Hashable, CustomStringConvertible {
        var document: String
        var inStore: Int64?
        var inSources: Int64?

        var description: String {
            "\(document): statistics \(inStore.map(String.init) ?? "missing"), sources \(inSources.map(String.init) ?? "none")"
        }
    }

    static func run(_ month: ReportMonth, on db: any Database) async throws -> [Difference] {
        var expected: [UUID: (document: String, amount: Int64)] = [:]
        let first = month.first.description, last = month.last.description
        func add(_ id: UUID, _ document: String, _ amount: Int64) {
            let previous = expected[id]?.amount ?? 0
            expected[id] = (document, previous + amount)
        }
        let issued = try await Policy.query(on: db).filter(\.$number != nil)
            .filter(\.$startDate >= first).filter(\.$startDate <= last).all()
        for policy in issued { add(try policy.requireID(), "بیمه‌نامهٔ \(policy.printedNumber ?? "")", policy.premium) }
        let endorsements = try await Endorsement.query(on: db).filter(\.$status == .issued)
            .filter(\.$effectiveDate >= first).filter(\.$effectiveDate <= last).with(\.$policy).all()
        for endorsement in endorsements {
            add(try endorsement.requireID(), "الحاقیهٔ \(endorsement.number) بیمه‌نامهٔ \(endorsement.policy.printedNumber ?? "")", endorsement.premiumDelta)
        }
        for policy in try await Policy.query(on: db).filter(\.$status == .cancelled).filter(\.$number != nil).all() {
            guard let record = try StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation"),
                  ReportMonth(record.outcome.effectiveDate) == month else { continue }
            let deltas = try await Endorsement.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$status == .issued).all()
            let charged = try Rial.sum([Rial(amount: policy.premium)] + deltas.map { Rial(amount: $0.premiumDelta) })
            add(try policy.requireID(), "فسخ بیمه‌نامهٔ \(policy.printedNumber ?? "")", try record.outcome.retained.subtracting(charged).amount)
        }
        let orders = try await PaymentOrder.query(on: db).filter(\.$purpose == PaymentOrderDesk.Purpose.claim.rawValue)
            .filter(\.$orderDate >= first).filter(\.$orderDate <= last).all()
        for order in orders { add(try order.requireID(), "حوالهٔ پرداخت \(order.printedNumber)", order.amount) }

        var stored: [UUID: (document: String, amount: Int64)] = [:]
        for entry in try await StatisticsEntry.query(on: db).filter(\.$effectMonth == month.key).all() {
            // a policy issued and cancelled in the month has two entries under its id: the sum counts
            stored[entry.sourceID] = (entry.document, (stored[entry.sourceID]?.amount ?? 0) + entry.amount)
        }
        var differences: [Difference] = []
        for (id, want) in expected {
            let have = stored[id]
            if have?.amount != want.amount { differences.append(Difference(document: want.document, inStore: have?.amount, inSources: want.amount)) }
        }
        for (id, have) in stored where expected[id] == nil {
            differences.append(Difference(document: have.document, inStore: have.amount, inSources: nil))
        }
        return differences.sorted { $0.document < $1.document }
    }
}
