import Fluent
import Foundation
import InsuranceKit
import Vapor

/// `bimeh seed health-bench --persons N`: N insured persons for the direct-claim benchmark, as
/// group policies of 1,000 members (SyntheticHealthGroups 0, 1, …) sold to one employer through the
/// same desks as any sale — quote, registration, a collected cheque, issue — dated a month back so
/// that they are in force today (DemoData.sellPaidMonthAgo). Issuing writes the persons, their
/// eligibility rows and audit records as for any policy. Also seeds the demo data (the demo
/// provider works for the contracted pharmacy PH-100). A database seeded once is left alone.
struct HealthBenchSeed: ProductTask {
    static let groupSize = 1_000
    var help: String { "health-bench --persons N: N insured persons on group health policies in force (groups of 1,000)" }

    func run(_ app: Application, options: ProductTaskOptions, console: any Console) async throws {
        let persons = options.count ?? 100_000
        let groups = persons / Self.groupSize
        guard persons % Self.groupSize == 0, (1...SyntheticHealthGroups.maxGroups).contains(groups) else {
            console.error("--persons must be a multiple of \(Self.groupSize) up to \(SyntheticHealthGroups.maxGroups * Self.groupSize).")
            throw ExitCode(2)
        }
        try await app.autoMigrate()
        try await DemoData.seed(app)
        let first = SyntheticHealthGroups.nationalCode(group: 0, index: 0)
        guard try await HealthPersonRecord.query(on: app.db).filter(\.$nationalCode == first).count() == 0 else {
            console.print("Health benchmark persons already present; nothing changed.")
            return
        }
        let (employer, principal) = try await HealthBenchSeed.employer(app)
        let started = ContinuousClock.now
        for group in 0..<groups {
            try await app.bimeh.store.write(on: app.db, actor: .system("seed-health-bench"), requestID: nil) { work in
                let inputs = try HealthProposalPages.groupInputs(HealthBenchSeed.form(), persons: SyntheticHealthGroups.members(group: group, size: Self.groupSize))
                try await DemoData.sellPaidMonthAgo(product: SupplementaryHealth().code.rawValue, inputs: inputs, customer: employer,
                                                    start: JalaliDate(date: work.now).adding(days: -30), cheque: ("HB\(group)", "ملی"),
                                                    principal: principal, in: work)
            }
        }
        let seconds = secondsSince(started)
        console.print("Seeded \(persons) insured persons on \(groups) group health policies in \(String(format: "%.1f", seconds)) s (\(Int(Double(persons) / max(seconds, 0.001))) persons/s).")
    }

    /// The groups' employer (a legal customer, R-SH-10) and the demo issuer selling to it.
    static func employer(_ app: Application) async throws -> (Customer, Principal) {
        guard let issuer = try await User.query(on: app.db).filter(\.$username == "issuer").first() else {
            throw AppError.notFound("کاربر issuer")
        }
        let principal = try DemoData.seller(issuer)
        guard case .success(let company) = PartyRegistration.validate(LegalPersonForm(legalID: employerID, name: "شرکت نمونهٔ آزمون بار")) else {
            throw AppError.malformedJSON
        }
        let customer = try await app.bimeh.store.write(on: app.db, actor: .system("seed-health-bench"), requestID: nil) { work in
            try await CustomerRegistry.register(CustomerFields(company), principal: principal, in: work).customer
        }
        return (customer, principal)
    }

    static let employerID = "10380284790"

    /// The group proposal form as the issuer fills it in: silver, visits and drugs, base insurance.
    static func form(date: JalaliDate? = nil) -> HealthProposalPages.Form {
        HealthProposalPages.Form(nationalCode: employerID, date: date?.description, plan: SyntheticHealthGroups.plan, kind: "group",
                                 hasBaseInsurance: "yes", optionalCovers: SyntheticHealthGroups.optionalCovers, persons: nil)
    }
}
