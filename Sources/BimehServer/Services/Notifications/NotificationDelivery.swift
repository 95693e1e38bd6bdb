import Fluent
import Foundation
import InsuranceKit
import Vapor

/// Sends the queued SMS after the change that queued them has committed. A failing gateway marks
/// the message failed and never fails the change itself (the policy stays issued, the claim moved).
enum NotificationDelivery {
    /// Claims the pending messages in one write, sends each, then records each outcome, audited.
    /// Two deliveries never take the same message: on SQLite the writer is one at a time; on
    /// PostgreSQL the unit is SERIALIZABLE, so the second claim conflicts, runs again and finds the
    /// messages already `sending`.
    @discardableResult
    static func deliverPending(store: Store, sms: any SMSGateway, on db: any Database, logger: Logger) async -> Int {
        do {
            // a plain read first: most requests queued nothing and must not open a write
            guard try await SentMessage.query(on: db).filter(\.$outcome == SentMessage.Outcome.pending.rawValue).first() != nil else { return 0 }
            let claimed = try await store.write(on: db, actor: .system("sms"), requestID: nil) { work -> [SentMessage] in
                let pending = try await SentMessage.query(on: work.db)
                    .filter(\.$outcome == SentMessage.Outcome.pending.rawValue).sort(\.$queuedAt).limit(100).all()
                for message in pending {
                    message.outcome = SentMessage.Outcome.sending.rawValue
                    try await message.save(on: work.db)
                }
                return pending
            }
            guard !claimed.isEmpty else { return 0 }
            var results: [(UUID, SentMessage.Outcome, String?)] = []
            for message in claimed {
                guard let id = message.id else { continue }
                do {
                    try await sms.send(to: try MobileNumber(message.mobile ?? ""), text: message.text)
                    results.append((id, .sent, nil))
                } catch {
                    logger.warning("sms to the insured failed", metadata: ["message": .string(id.uuidString), "error": .string("\(error)")])
                    results.append((id, .failed, "سامانهٔ پیامک پاسخ نداد."))
                }
            }
            let outcomes = results
            try await store.write(on: db, actor: .system("sms"), requestID: nil) { work in
                for (id, outcome, reason) in outcomes {
                    guard let message = try await SentMessage.find(id, on: work.db) else { continue }
                    message.outcome = outcome.rawValue
                    message.reason = reason
                    if outcome == .sent { message.sentAt = work.now }
                    try await message.save(on: work.db)
                    try await work.audit(outcome == .sent ? "sms.sent" : "sms.failed", entity: "sent-message", id: id.uuidString,
                                         before: ["outcome": SentMessage.Outcome.sending.rawValue], after: ["outcome": outcome.rawValue])
                }
            }
            return results.count
        } catch {
            logger.error("sms delivery could not run", metadata: ["error": .string("\(error)")])
            return 0
        }
    }
}

/// After a successful POST (the only requests that change anything), sends what it queued.
struct NotificationDeliveryMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.method == .POST, response.status.code < 400 {
            await NotificationDelivery.deliverPending(store: request.bimeh.store, sms: request.bimeh.sms, on: request.db, logger: request.logger)
        }
        return response
    }
}
