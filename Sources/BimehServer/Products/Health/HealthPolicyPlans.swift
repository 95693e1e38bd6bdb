import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The plan and optional covers of a health policy, kept per (policy, version). A group policy's
/// inputs list thousands of persons; reading and decoding them for every direct claim would cost
/// more than the claim. Every change of a policy bumps its version (Policy), so an entry is never
/// read for a changed policy — even one changed by another process.
final class HealthPolicyPlans: Sendable {
    static let shared = HealthPolicyPlans()
    /// Beyond this many entries the cache starts afresh (each entry is a few strings).
    static let capacity = 50_000

    struct Facts: Sendable, Decodable {
        var plan: String
        var optionalCovers: [String]
    }

    private struct Key: Hashable {
        var policy: UUID
        var version: Int
    }

    private let entries = NIOLockedValueBox<[Key: Facts]>([:])

    func facts(policyID: UUID, version: Int, on sql: any SQLDatabase) async throws -> Facts {
        let key = Key(policy: policyID, version: version)
        if let cached = entries.withLockedValue({ $0[key] }) { return cached }
        guard let row = try await sql.raw("SELECT inputs FROM policies WHERE id = \(bind: policyID)").first() else {
            throw AppError.notFound("بیمه‌نامه")
        }
        // only the two members are decoded, not the persons
        let facts = try StoredJSON.decode(Facts.self, from: try row.decode(column: "inputs", as: String.self), what: "policy.inputs")
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = facts
        }
        return facts
    }
}
