import Fluent
import Foundation

/// One base insurer's (or this system's) list of entitled persons, as last imported.
final class EntitlementSource: Model, @unchecked Sendable {
    static let schema = "entitlement_sources"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "persons") var persons: Int64
    @Field(key: "rejected") var rejected: Int64
    @OptionalField(key: "file_sha256") var fileSHA256: String?
    @Field(key: "imported_at") var importedAt: Date

    init() {}
}

/// A credit code of the public inquiry (R-EL-02). Only the code's SHA-256 is stored: whoever
/// reads the database cannot spend other people's quota.
final class CreditCodeRecord: Model, @unchecked Sendable {
    static let schema = "credit_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "mobile") var mobile: String
    /// "sms" or "ussd".
    @Field(key: "channel") var channel: String
    @Field(key: "quota") var quota: Int
    @Field(key: "remaining") var remaining: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A provider's visit of a person and the HID it was given (R-EL-05).
final class ProviderVisit: Model, @unchecked Sendable {
    static let schema = "provider_visits"

    @ID(key: .id) var id: UUID?
    @Field(key: "hid") var hid: String
    /// The person's national code or foreign ID.
    @Field(key: "person") var person: String
    @Parent(key: "provider_id") var provider: User
    @Field(key: "issued_at") var issuedAt: Date

    init() {}
}

/// A pharmacy's or paraclinic's check of a visit's HID.
final class VisitVerification: Model, @unchecked Sendable {
    static let schema = "visit_verifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "visit_id") var visit: ProviderVisit
    @Parent(key: "verifier_id") var verifier: User
    @Field(key: "verified_at") var verifiedAt: Date

    init() {}
}
