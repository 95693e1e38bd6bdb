import Vapor
import Fluent
import InsuranceKit

/// The demo organization, users (API.md: `demo-<username>` passwords) and a few customers.
/// Created only by `--demo` or `bimeh seed demo`; seeding twice changes nothing.
enum DemoData {
    static let complexCode = "11"
    static let agencyCode = "1234"

    static let users: [(username: String, role: Role, name: String)] = [
        ("admin", .admin, "مدیر سامانه (نمایشی)"),
        ("issuer", .issuer, "کارشناس صدور (نمایشی)"),
        ("claims", .claims, "کارشناس خسارت (نمایشی)"),
        ("head", .head, "رئیس اداره (نمایشی)"),
        ("accountant", .accountant, "حسابدار (نمایشی)"),
        ("agent", .agent, "نمایندگی ۱۲۳۴ (نمایشی)"),
        ("provider", .provider, "داروخانه نمونه (نمایشی)"),
    ]

    /// Returns how many records were created (0 when everything was already there).
    @discardableResult
    static func seed(_ app: Application) async throws -> Int {
        var hashes: [String: String] = [:]
        for user in users where try await User.query(on: app.db).filter(\.$username == user.username).count() == 0 {
            hashes[user.username] = try await Credentials.hash("demo-\(user.username)", cost: app.bimeh.config.bcryptCost, on: app)
        }
        let today = app.bimeh.clock.today()
        let precomputed = hashes
        return try await app.bimeh.store.write(on: app.db, actor: .system("seed-demo"), requestID: nil) { work in
            var created = 0
            let complex: Complex
            if let existing = try await Complex.query(on: work.db).filter(\.$code == complexCode).first() {
                complex = existing
            } else {
                complex = Complex(code: complexCode, name: "مجتمع نمونهٔ تهران")
                try await complex.create(on: work.db)
                try await work.audit("complex.created", entity: "complex", id: try complex.requireID().uuidString, after: ["code": complexCode])
                let complexID = try complex.requireID()
                let departments: [(Department.Kind, String)] = [
                    (.issuance, "ادارهٔ صدور"), (.claims, "ادارهٔ خسارت"), (.accounting, "ادارهٔ حسابداری و آمار"),
                    (.statistics, "ادارهٔ آمار و اتکایی"), (.supervision, "ادارهٔ نظارت"), (.persons, "ادارهٔ بیمه‌های اشخاص"),
                ]
                for (kind, name) in departments {
                    let department = Department(kind: kind, name: name, complexID: complexID)
                    try await department.create(on: work.db)
                    try await work.audit("department.created", entity: "department", id: try department.requireID().uuidString, after: ["kind": kind.rawValue])
                }
                created += 1 + departments.count
            }
            let agency: Agency
            if let existing = try await Agency.query(on: work.db).filter(\.$code == agencyCode).first() {
                agency = existing
            } else {
                agency = Agency(code: agencyCode, name: "نمایندگی ۱۲۳۴ — تهران", complexID: try complex.requireID())
                try await agency.create(on: work.db)
                try await work.audit("agency.created", entity: "agency", id: try agency.requireID().uuidString, after: ["code": agencyCode])
                let broker = Broker(name: "کارگزار برخط نمونه", online: true, licenceNumber: "DEMO-1403-001",
                                    licenceExpiry: today.addingMonths(12).description)
                try await broker.create(on: work.db)
                try await work.audit("broker.created", entity: "broker", id: try broker.requireID().uuidString, after: ["licence": broker.licenceNumber])
                created += 2
            }
            for spec in users {
                guard let hash = precomputed[spec.username] else { continue }
                let user = User(username: spec.username, passwordHash: hash, role: spec.role, displayName: spec.name,
                                agencyID: spec.role == .agent ? try agency.requireID() : nil)
                try await user.create(on: work.db)
                try await work.audit("user.created", entity: "user", id: try user.requireID().uuidString,
                                     after: ["username": spec.username, "role": spec.role.rawValue])
                created += 1
            }
            created += try await seedCustomers(in: work, issuer: try await User.query(on: work.db).filter(\.$username == "issuer").first())
            return created
        }
    }

    private static func seedCustomers(in work: UnitOfWork, issuer: User?) async throws -> Int {
        let people: [(String, String, String, String, String)] = [
            ("0076229645", "مریم", "احمدی", "1365/04/12", "09121234567"),
            ("1583250689", "علی", "رضایی", "1370/11/03", "09351234567"),
        ]
        var created = 0
        for (code, first, last, birth, mobile) in people {
            guard case .success(let person) = PartyRegistration.validate(
                NaturalPersonForm(nationalCode: code, firstName: first, lastName: last, birthDate: birth, mobile: mobile),
                today: JalaliDate(date: work.now)) else { continue }
            let fields = CustomerFields(person)
            guard try await Customer.query(on: work.db).filter(\.$identityKey == fields.identityKey).count() == 0 else { continue }
            let customer = Customer()
            fields.apply(to: customer)
            customer.$createdBy.id = issuer?.id
            try await customer.create(on: work.db)
            try await work.audit("customer.registered", entity: "customer", id: try customer.requireID().uuidString, after: CustomerSnapshot(customer))
            created += 1
        }
        return created
    }
}
