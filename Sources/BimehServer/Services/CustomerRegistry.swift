import Fluent
import Foundation
import InsuranceKit

/// Registers parties once (R-G-08) and answers who may see them (agency scoping).
enum CustomerRegistry {
    struct Outcome: Sendable {
        let customer: Customer
        let created: Bool
    }

    /// Finds the party by identity or registers it. An agent who brings an already registered
    /// customer links that customer to its agency: the person came to that agency for a proposal.
    static func register(_ fields: CustomerFields, principal: Principal, in work: UnitOfWork) async throws -> Outcome {
        if let existing = try await Customer.query(on: work.db).filter(\.$identityKey == fields.identityKey).first() {
            try await link(existing, to: principal.agencyID, in: work)
            return Outcome(customer: existing, created: false)
        }
        let customer = Customer()
        fields.apply(to: customer)
        customer.$createdBy.id = principal.userID
        try await customer.create(on: work.db)
        try await work.audit("customer.registered", entity: "customer", id: try customer.requireID().uuidString,
                             after: CustomerSnapshot(customer))
        try await link(customer, to: principal.agencyID, in: work)
        return Outcome(customer: customer, created: true)
    }

    private static func link(_ customer: Customer, to agencyID: UUID?, in work: UnitOfWork) async throws {
        guard let agencyID else { return }
        let customerID = try customer.requireID()
        let linked = try await CustomerAgency.query(on: work.db)
            .filter(\.$customer.$id == customerID).filter(\.$agency.$id == agencyID).count() > 0
        guard !linked else { return }
        try await CustomerAgency(customerID: customerID, agencyID: agencyID).create(on: work.db)
        try await work.audit("customer.linked-to-agency", entity: "customer", id: customerID.uuidString,
                             after: ["agencyId": agencyID.uuidString])
    }

    /// Customers the principal may see: all for staff, the agency's own for agents.
    static func visible(to principal: Principal, on db: any Database) throws -> QueryBuilder<Customer> {
        let query = Customer.query(on: db)
        switch principal.role {
        case .admin, .issuer, .claims, .head, .accountant:
            return query
        case .agent:
            guard let agencyID = principal.agencyID else { throw AppError.forbidden }
            return query.join(CustomerAgency.self, on: \Customer.$id == \CustomerAgency.$customer.$id)
                .filter(CustomerAgency.self, \.$agency.$id == agencyID)
        case .provider, .customer:
            throw AppError.forbidden
        }
    }

    /// One customer if the principal may see it; 404 otherwise, so that an agency never learns
    /// that another agency's customer exists.
    static func find(_ id: UUID, for principal: Principal, on db: any Database) async throws -> Customer {
        guard let customer = try await visible(to: principal, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound("مشتری")
        }
        return customer
    }

    /// The visible customer with this national code, foreign ID or legal ID (already normalized).
    static func find(identifier: String, for principal: Principal, on db: any Database) async throws -> Customer? {
        try await visible(to: principal, on: db).group(.or) { or in
            or.filter(\.$nationalCode == identifier)
            or.filter(\.$foreignID == identifier)
            or.filter(\.$legalID == identifier)
        }.first()
    }

    /// Search by identifier (exact), or by name or mobile (contains), newest first.
    static func search(_ text: String, for principal: Principal, page: Int, per: Int, on db: any Database) async throws -> (items: [Customer], total: Int) {
        let query = try visible(to: principal, on: db)
        let q = Normalize.text(text)
        if !q.isEmpty {
            let digits = Normalize.identifier(q)
            query.group(.or) { or in
                or.filter(\.$nationalCode == digits)
                or.filter(\.$foreignID == digits)
                or.filter(\.$legalID == digits)
                or.filter(\.$mobile, .contains(inverse: false, .anywhere), digits)
                or.filter(\.$lastName, .contains(inverse: false, .anywhere), q)
                or.filter(\.$firstName, .contains(inverse: false, .anywhere), q)
                or.filter(\.$name, .contains(inverse: false, .anywhere), q)
            }
        }
        let total = try await query.count()
        let items = try await query.sort(\.$createdAt, .descending).range((page - 1) * per ..< page * per).all()
        return (items, total)
    }
}

/// The validated fields of a new customer, as stored.
struct CustomerFields: Sendable {
    var kind: Customer.Kind
    var identity: PartyIdentity
    var firstName: String?
    var lastName: String?
    var name: String?
    var birthDate: JalaliDate?
    var mobile: MobileNumber?

    var identityKey: String { identity.key }

    init(_ person: NaturalPerson) {
        kind = .natural
        identity = person.identity
        firstName = person.firstName
        lastName = person.lastName
        birthDate = person.birthDate
        mobile = person.mobile
    }

    init(_ company: LegalPerson) {
        kind = .legal
        identity = company.identity
        name = company.name
    }

    func apply(to customer: Customer) {
        customer.kind = kind
        customer.identityKey = identity.key
        switch identity {
        case .national(let code): customer.nationalCode = code.value
        case .foreign(let id): customer.foreignID = id.value
        case .legal(let id): customer.legalID = id.value
        }
        customer.firstName = firstName
        customer.lastName = lastName
        customer.name = name
        customer.birthDate = birthDate?.description
        customer.mobile = mobile?.value
    }
}

/// What the audit trail and the API show of a customer.
struct CustomerSnapshot: Codable, Sendable {
    var id: UUID?
    var kind: String
    var nationalCode: String?
    var foreignId: String?
    var legalId: String?
    var firstName: String?
    var lastName: String?
    var name: String?
    var birthDate: String?
    var mobile: String?
    var displayName: String
    var createdAt: Date?

    init(_ c: Customer) {
        id = c.id
        kind = c.kind.rawValue
        nationalCode = c.nationalCode
        foreignId = c.foreignID
        legalId = c.legalID
        firstName = c.firstName
        lastName = c.lastName
        name = c.name
        birthDate = c.birthDate
        mobile = c.mobile
        displayName = c.displayName
        createdAt = c.createdAt
    }
}
