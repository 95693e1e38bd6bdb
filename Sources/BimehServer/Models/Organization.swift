import Fluent
import Foundation

/// مجتمع — a group of branches with its own code (R-G-09); it appears in contract numbers.
final class Complex: Model, @unchecked Sendable {
    static let schema = "complexes"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}
    init(id: UUID? = nil, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}

/// اداره — issuance, claims, accounting & statistics, … (R-G-09). Reports are grouped by department.
final class Department: Model, @unchecked Sendable {
    static let schema = "departments"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case issuance, claims, accounting, statistics, supervision, persons
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Enum(key: "kind") var kind: Kind
    @Field(key: "name") var name: String
    // relationships
    @Parent(key: "complex_id") var complex: Complex

    init() {}
    init(id: UUID? = nil, kind: Kind, name: String, complexID: UUID) {
        self.id = id
        self.kind = kind
        self.name = name
        self.$complex.id = complexID
    }
}

/// نمایندگی — an agency with its agency code; agents see only their own agency's records.
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "active") var active: Bool
    // relationships
    @Parent(key: "complex_id") var complex: Complex

    init() {}
    init(id: UUID? = nil, code: String, name: String, complexID: UUID, active: Bool = true) {
        self.id = id
        self.code = code
        self.name = name
        self.active = active
        self.$complex.id = complexID
    }
}

/// کارگزار — a broker; an online broker may sell only with a valid Central Insurance licence (R-G-09).
final class Broker: Model, @unchecked Sendable {
    static let schema = "brokers"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Field(key: "name") var name: String
    @Field(key: "online") var online: Bool
    @Field(key: "licence_number") var licenceNumber: String
    /// Jalali `YYYY/MM/DD`; the licence is valid through this day.
    @Field(key: "licence_expiry") var licenceExpiry: String

    init() {}
    init(id: UUID? = nil, name: String, online: Bool, licenceNumber: String, licenceExpiry: String) {
        self.id = id
        self.name = name
        self.online = online
        self.licenceNumber = licenceNumber
        self.licenceExpiry = licenceExpiry
    }
}
