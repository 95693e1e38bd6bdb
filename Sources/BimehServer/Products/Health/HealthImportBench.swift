import Foundation
import InsuranceKit
import Vapor

/// `bimeh bench health-import --count 10000 --runs 3`: a group's member CSV taken in process along
/// the web upload's path (R-SH-10) — parse and validate the file, price the group and store the
/// proposal — then, after registration and a collected cheque (not timed), the issue that stores
/// the policy's persons, their eligibility rows and audit records. Each run is a new group of new
/// persons (SyntheticHealthGroups 500, 501, …); the median of the runs is reported.
struct HealthImportBench: ProductTask {
    var help: String { "health-import --count ROWS --runs R: a group's member CSV uploaded, priced, and its persons stored at issue" }

    func run(_ app: Application, options: ProductTaskOptions, console: any Console) async throws {
        let rows = options.count ?? 10_000, runs = max(1, options.runs ?? 3)
        guard (25...HealthInputs.maxPersons).contains(rows) else {  // 25 rows make the 10 main members of a group
            console.error("--count must be from 25 to \(HealthInputs.maxPersons).")
            throw ExitCode(2)
        }
        try await app.autoMigrate()
        try await DemoData.seed(app, samplePolicy: false)
        let (employer, principal) = try await HealthBenchSeed.employer(app)
        let products = app.bimeh.products
        let store = app.bimeh.store
        var uploads: [Double] = [], issues: [Double] = [], totals: [Double] = []
        for run in 0..<runs {
            let csv = Data(SyntheticHealthGroups.csv(SyntheticHealthGroups.members(group: 500 + run, size: rows)).utf8)
            let today = app.bimeh.clock.today()
            let started = ContinuousClock.now
            // the upload: what HealthProposalPages.createGroup does with the file
            guard case .members(let persons) = HealthMemberCSV.parse(csv) else { throw AppError.malformedJSON }
            let request = QuoteDesk.Request(product: SupplementaryHealth().code.rawValue, customerID: try employer.requireID(), date: today,
                                            inputs: try JSONSerialization.data(withJSONObject: try HealthProposalPages.groupInputs(HealthBenchSeed.form(date: today), persons: persons),
                                                                               options: [.sortedKeys]))
            let quote = try await EnterProposal.run(request, principal: principal, products: products, today: today) { body in
                try await store.write(on: app.db, actor: .system("bench-health-import"), requestID: nil, body)
            }
            let upload = secondsSince(started)
            let policyID = try await store.write(on: app.db, actor: .system("bench-health-import"), requestID: nil) { work in
                let policy = try await PolicyRegistration.register(
                    .init(quoteID: try quote.requireID(), customerID: try employer.requireID(), term: try PolicyTerm(from: today, to: today.addingYears(1)), plan: .cash),
                    principal: principal, in: work)
                let payment = try await PaymentDesk.receive(
                    .init(method: .cheque, amount: Rial(amount: policy.premium), paidOn: today, cheque: ("HI\(run)", "ملی", today, nil), endorsementID: nil),
                    policyID: try policy.requireID(), ifMatch: nil, principal: principal, in: work)
                _ = try await PaymentDesk.settle(try payment.requireID(), verdict: .collect, in: work)
                return try policy.requireID()
            }
            let issuing = ContinuousClock.now
            let issued = try await store.write(on: app.db, actor: .system("bench-health-import"), requestID: nil) { work in
                try await IssueDesk.issue(policyID, ifMatch: nil, principal: principal, in: work)
            }
            let issue = secondsSince(issuing)
            guard issued.status == .issued else { throw AppError.malformedJSON }
            uploads.append(upload)
            issues.append(issue)
            totals.append(upload + issue)
            console.print("run \(run + 1): \(rows) rows — upload (parse + validate + price + store the proposal) \(Self.format(upload)) s, issue (store \(persons.count) persons) \(Self.format(issue)) s, together \(Self.format(upload + issue)) s; premium \(quote.total)")
        }
        console.print("median of \(runs): upload \(Self.format(Self.median(uploads))) s, issue \(Self.format(Self.median(issues))) s, together \(Self.format(Self.median(totals))) s")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
}
