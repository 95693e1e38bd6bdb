import Fluent
import Foundation

/// The central registry's outbox (R-TP-13, R-SH-11): a product reports a policy's change by
/// writing an event in the transaction of that change, so it is sent once the change commits and
/// never without it; `RegistryDelivery` sends the rows, whatever the product.
enum RegistryOutbox {
    static func enqueue(_ kind: String, policy: Policy, payload: some Encodable, in work: UnitOfWork) async throws {
        let event = RegistryEvent()
        event.eventID = UUID()
        event.$policy.id = try policy.requireID()
        event.kind = kind
        event.payload = try QuoteDesk.json(payload)
        event.attempts = 0
        try await event.create(on: work.db)
    }
}
