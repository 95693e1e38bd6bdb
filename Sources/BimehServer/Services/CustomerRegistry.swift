import Fluent
import Foundation
import InsuranceKit

/// Registers parties once (R-G-08) and answers who may see them (agency scoping).
enum CustomerRegistry {
    struct Outcome: Sendable {
        let customer: Customer
        let created: Bool
    }

    /// Finds the party by identity or registers it. An agent who brings a customer registered
    /// elsewhere (another agency, the insurer directly) gets it, linked to its agency, only when the
    /// names and birth date it sent match the record (R-G-08, `RegisteredPartyMatch`): otherwise
    /// 409 `customer-registered-elsewhere`, with nothing of the record.
    static func register(_ fields: CustomerFields, principal: Principal, in work: UnitOfWork) async throws -> Outcome {
        if let existing = try await Customer.query(on: work.db).filter(\.$identityKey == fields.identityKey).first() {
            if let agencyID = principal.agencyID, try await !isLinked(existing, to: agencyID, on: work.db) {
                guard fields.matches(existing) else { throw registeredElsewhere }
                try await link(existing, to: agencyID, in: work)
            }
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

    static let registeredElsewhere = AppError(
        .conflict, code: "customer-registered-elsewhere",
        detail: "این شناسه پیش‌تر در جای دیگری ثبت شده است و نام یا تاریخ تولدی که فرستادید با پروندهٔ ثبت‌شده یکی نیست. نام، نام خانوادگی و تاریخ تولد را دقیقاً مطابق مدرک شناسایی وارد کنید یا با صدور تماس بگیرید.")

    private static func isLinked(_ customer: Customer, to agencyID: UUID, on db: any Database) async throws -> Bool {
        let customerID = try customer.requireID()
        return try await CustomerAgency.query(on: db)
            .filter(\.$customer.$id == customerID).filter(\.$agency.$id == agencyID).count() > 0
    }

    private static func link(_ customer: Customer, to agencyID: UUID?, in work: UnitOfWork) async throws {
        guard let agencyID else { return }
        let customerID = try customer.requireID()
        guard try await !isLinked(customer, to: agencyID, on: work.db) else { return }
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

    /// Whether these fields name the person (or company) the stored record holds (R-G-08).
    func matches(_ customer: Customer) -> Bool {
        switch kind {
        case .natural:
            return RegisteredPartyMatch.natural(storedFirstName: customer.firstName, storedLastName: customer.lastName,
                                                storedBirthDate: customer.birthDate.flatMap { try? JalaliDate(parsing: $0) },
                                                firstName: firstName, lastName: lastName, birthDate: birthDate)
        case .legal:
            return RegisteredPartyMatch.legal(storedName: customer.name, name: name)
        }
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
    var fatherName: String?
    var sex: String?
    var address: String?
    var postalCode: String?
    var iban: String?
    var economicCode: String?
    var signatory: String?
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
        fatherName = c.fatherName
        sex = c.sex
        address = c.address
        postalCode = c.postalCode
        iban = c.iban
        economicCode = c.economicCode
        signatory = c.signatory
        displayName = c.displayName
        createdAt = c.createdAt
    }
}
