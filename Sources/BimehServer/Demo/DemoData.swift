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
    static func seed(_ app: Application, samplePolicy: Bool = true) async throws -> Int {
        var hashes: [String: String] = [:]
        for user in users where try await User.query(on: app.db).filter(\.$username == user.username).count() == 0 {
            hashes[user.username] = try await Credentials.hash("demo-\(user.username)", cost: app.bimeh.config.bcryptCost, on: app)
        }
        let today = app.bimeh.clock.today()
        let precomputed = hashes
        let persons = try await DemoEntitlements.seed(app)
        return persons + (try await app.bimeh.store.write(on: app.db, actor: .system("seed-demo"), requestID: nil) { work in
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
            let issuer = try await User.query(on: work.db).filter(\.$username == "issuer").first()
            created += try await seedCustomers(in: work, issuer: issuer)
            if samplePolicy, let issuer {
                created += try await seedPolicyInForce(in: work, issuer: issuer)
                created += try await seedThirdPartyPolicy(in: work, issuer: issuer)
                created += try await seedHealthPolicy(in: work, issuer: issuer)
                created += try await seedGroupHealthPolicy(in: work, issuer: issuer)
                created += try await DemoGroupLife.seed(in: work, issuer: issuer)
            }
            return created
        })
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

    /// One computer policy in force for the first demo customer, issued and paid a month ago, so
    /// that a claim can be filed at once. Made through the same desks as any sale.
    private static func seedPolicyInForce(in work: UnitOfWork, issuer: User) async throws -> Int {
        guard try await Policy.query(on: work.db).count() == 0,
              let customer = try await Customer.query(on: work.db).filter(\.$nationalCode == "0076229645").first() else { return 0 }
        let principal = try seller(issuer)
        let today = JalaliDate(date: work.now)
        let start = today.adding(days: -30)
        let items: [[String: Any]] = [
            ["description": "رایانهٔ رومیزی واحد حسابداری", "serial": "PC-1001", "value": 60_000_000],
            ["description": "لپ‌تاپ مدیر فروش", "serial": "LT-2002", "value": 40_000_000],
        ]
        try await sellPaidMonthAgo(product: "computer", inputs: ["items": items], customer: customer, start: start, cheque: ("100100", "ملی"),
                                   principal: principal, in: work)
        return 1
    }

    /// The demo issuer acting at the desks, as a signed-in issuer would.
    static func seller(_ issuer: User) throws -> Principal {
        Principal(userID: try issuer.requireID(), username: issuer.username, displayName: issuer.displayName,
                  role: .issuer, agencyID: nil, tokenID: UUID(), csrfToken: nil)
    }

    /// A cash sale priced on `start`, registered today (a start in the past is refused) and dated as
    /// the history it stands for, its cheque received and collected as of `start`, then issued:
    /// the same desks as any sale.
    static func sellPaidMonthAgo(product: String, inputs: [String: Any], customer: Customer, start: JalaliDate,
                                         cheque: (number: String, bank: String), principal: Principal, in work: UnitOfWork) async throws {
        let today = JalaliDate(date: work.now)
        let request = QuoteDesk.Request(product: product, customerID: try customer.requireID(), date: start,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        let quote = try await QuoteDesk.create(request, priced: try QuoteDesk.price(request, principal: principal, products: work.products, purchaseDay: nil),
                                               principal: principal, in: work)
        let policy = try await PolicyRegistration.register(
            .init(quoteID: try quote.requireID(), customerID: try customer.requireID(), term: try PolicyTerm(from: today, to: today.addingYears(1)), plan: .cash),
            principal: principal, in: work)
        policy.startDate = start.description
        policy.endDate = start.addingYears(1).description
        try await policy.save(on: work.db)
        let payment = try await PaymentDesk.receive(
            .init(method: .cheque, amount: Rial(amount: policy.premium), paidOn: start, cheque: (cheque.number, cheque.bank, start, nil), endorsementID: nil),
            policyID: try policy.requireID(), ifMatch: nil, principal: principal, in: work)
        let collected = try await PaymentDesk.settle(try payment.requireID(), verdict: .collect, in: work)
        // collected on the day it was received (the claims' premium inquiry reads this date)
        collected.settledOn = start.description
        try await collected.save(on: work.db)
        _ = try await IssueDesk.issue(try policy.requireID(), ifMatch: nil, principal: principal, in: work)
    }

    /// A family supplementary-health policy (silver, with visits and drugs) for the first demo
    /// customer, in force since a month ago, and the demo provider's pharmacy as a contracted
    /// center, so a direct claim can be taken at once (R-SH-05…07).
    private static func seedHealthPolicy(in work: UnitOfWork, issuer: User) async throws -> Int {
        let product = SupplementaryHealth().code
        guard try await Policy.query(on: work.db).filter(\.$product == product).count() == 0,
              let customer = try await Customer.query(on: work.db).filter(\.$nationalCode == "0076229645").first() else { return 0 }
        let principal = try seller(issuer)
        let today = JalaliDate(date: work.now)
        let start = today.adding(days: -30)
        let inputs: [String: Any] = [
            "plan": "silver", "kind": "family", "hasBaseInsurance": true, "optionalCovers": ["visit-drugs"],
            "persons": [
                ["nationalCode": "0076229645", "firstName": "مریم", "lastName": "احمدی", "birthDate": "1365/04/12", "sex": "female", "relation": "main"],
                ["nationalCode": "0499370899", "firstName": "حسین", "lastName": "احمدی", "birthDate": "1362/08/20", "sex": "male", "relation": "spouse"],
                ["nationalCode": "0012345679", "firstName": "سارا", "lastName": "احمدی", "birthDate": "1395/06/01", "sex": "female", "relation": "child"],
            ],
        ]
        try await sellPaidMonthAgo(product: product.rawValue, inputs: inputs, customer: customer, start: start, cheque: ("100300", "تجارت"),
                                   principal: principal, in: work)
        let center = HealthCenter(code: "PH-100", name: "داروخانهٔ نمونه", contracted: true)
        try await center.create(on: work.db)
        if let provider = try await User.query(on: work.db).filter(\.$username == "provider").first() {
            let staff = HealthCenterStaff()
            staff.$center.id = try center.requireID()
            staff.$user.id = try provider.requireID()
            try await staff.create(on: work.db)
        }
        try await work.audit("health.center-registered", entity: "health-center", id: try center.requireID().uuidString,
                             after: ["code": center.code, "name": center.name])
        return 1
    }

    /// A group supplementary-health policy (silver) for a demo company: ten employees, the first
    /// with his wife and son, in force since a month ago (R-SH-10: at least 10 main members).
    private static func seedGroupHealthPolicy(in work: UnitOfWork, issuer: User) async throws -> Int {
        let product = SupplementaryHealth().code
        guard case .success(let company) = PartyRegistration.validate(LegalPersonForm(legalID: "10380284790", name: "شرکت نمونهٔ پارس")) else { return 0 }
        let fields = CustomerFields(company)
        guard try await Customer.query(on: work.db).filter(\.$identityKey == fields.identityKey).count() == 0 else { return 0 }
        let customer = Customer()
        fields.apply(to: customer)
        customer.$createdBy.id = issuer.id
        try await customer.create(on: work.db)
        try await work.audit("customer.registered", entity: "customer", id: try customer.requireID().uuidString, after: CustomerSnapshot(customer))
        let employees: [(String, String, String, String)] = [
            ("2980001007", "رضا", "کریمی", "1360/02/11"), ("2980001139", "نرگس", "موسوی", "1368/07/23"),
            ("2980001279", "امیر", "حسینی", "1372/01/30"), ("2980001414", "لیلا", "جعفری", "1364/10/05"),
            ("2980001546", "محمد", "صادقی", "1358/12/17"), ("2980001686", "زهرا", "رحیمی", "1375/05/09"),
            ("2980001821", "حمید", "نوری", "1369/03/14"), ("2980001953", "فاطمه", "قاسمی", "1371/08/02"),
            ("2980002097", "سعید", "اکبری", "1363/06/28"), ("2980002232", "مینا", "یوسفی", "1377/11/19"),
        ]
        let female: Set = ["نرگس", "لیلا", "زهرا", "فاطمه", "مینا"]
        var persons: [[String: Any]] = employees.map { code, first, last, birth in
            ["nationalCode": code, "firstName": first, "lastName": last, "birthDate": birth,
             "sex": female.contains(first) ? "female" : "male", "relation": "main"]
        }
        persons.append(["nationalCode": "2980002372", "firstName": "سمیه", "lastName": "کریمی", "birthDate": "1362/04/01",
                        "sex": "female", "relation": "spouse", "mainNationalCode": "2980001007"])
        persons.append(["nationalCode": "2980002501", "firstName": "علی", "lastName": "کریمی", "birthDate": "1390/09/10",
                        "sex": "male", "relation": "child", "mainNationalCode": "2980001007"])
        let start = JalaliDate(date: work.now).adding(days: -30)
        try await sellPaidMonthAgo(product: product.rawValue, inputs: ["plan": "silver", "kind": "group", "hasBaseInsurance": true, "persons": persons],
                                   customer: customer, start: start, cheque: ("100400", "ملت"), principal: try seller(issuer), in: work)
        return 2
    }

    /// One third-party policy for the second demo customer's car, sold and issued today through
    /// the same desks as any sale: the vehicle card in the inputs, the driver's licence registered
    /// (R-TP-02) and the unique code given at issue, so the public authenticity page has something
    /// to confirm (R-TP-13).
    private static func seedThirdPartyPolicy(in work: UnitOfWork, issuer: User) async throws -> Int {
        let product = ThirdPartyInsurance().code
        guard try await Policy.query(on: work.db).filter(\.$product == product).count() == 0,
              let customer = try await Customer.query(on: work.db).filter(\.$nationalCode == "1583250689").first() else { return 0 }
        let principal = try seller(issuer)
        let today = JalaliDate(date: work.now)
        let inputs: [String: Any] = [
            "vehicleClass": "car-4-cyl", "usage": "private", "issueDate": today.description, "claimFreeYears": 3, "financialClaims": 0,
            "bodilyClaims": 0, "vehicleAgeYears": 6, "negativePoints": 0, "firstRegistration": false, "safeDrivingCourse": false,
            "missingInspection": false, "extraTrailers": 0, "financialCover": 0, "driverAccident": true,
            "previousPolicyEndDate": today.description,
            "vehicle": ["plate": "۲۲ ج ۴۵۶ ایران ۱۰", "vin": "NAAP03ED5AJ123456", "engineNumber": "124K0123456",
                        "make": "ایران خودرو", "model": "سمند", "modelYear": today.year - 6],
        ]
        let request = QuoteDesk.Request(product: product.rawValue, customerID: try customer.requireID(), date: today,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        let quote = try await QuoteDesk.create(request, priced: try QuoteDesk.price(request, principal: principal, products: work.products, purchaseDay: today),
                                               principal: principal, in: work)
        let policy = try await PolicyRegistration.register(
            .init(quoteID: try quote.requireID(), customerID: try customer.requireID(), term: try PolicyTerm(from: today, to: today.addingYears(1)), plan: .cash),
            principal: principal, in: work)
        let payment = try await PaymentDesk.receive(
            .init(method: .cheque, amount: Rial(amount: policy.premium), paidOn: today, cheque: ("100200", "ملت", today, nil), endorsementID: nil),
            policyID: try policy.requireID(), ifMatch: nil, principal: principal, in: work)
        _ = try await PaymentDesk.settle(try payment.requireID(), verdict: .collect, in: work)
        let licence = ThirdPartyDesk.LicenceRequest(
            licence: DrivingLicence(number: "1234567890", licenceClass: .third, expiry: today.addingYears(5)),
            holderName: "علی رضایی", holderNationalCode: try NationalCode("1583250689"))
        _ = try await ThirdPartyDesk.registerLicence(licence, policyID: try policy.requireID(), principal: principal, in: work)
        _ = try await IssueDesk.issue(try policy.requireID(), ifMatch: nil, principal: principal, in: work)
        return 1
    }
}
