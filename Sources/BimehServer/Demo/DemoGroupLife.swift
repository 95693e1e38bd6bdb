import Fluent
import Foundation
import InsuranceKit

/// A group term life contract for the demo company, in force since five days ago, through the
/// same desks as the pages: request letter (60 employees, 1,000,000,000 each, class 2, both
/// covers), contract number, member list, the doctor's outcomes (one accepted after examination,
/// one with a 50 % extra, one still awaiting examination), the final-premium endorsement, the
/// cheque collected, issued.
enum DemoGroupLife {
    static let members = 60

    static func seed(in work: UnitOfWork, issuer: User) async throws -> Int {
        let product = GroupLife().code
        guard try await Policy.query(on: work.db).filter(\.$product == product).count() == 0,
              let company = try await Customer.query(on: work.db).filter(\.$legalID == "10380284790").first() else { return 0 }
        let principal = try DemoData.seller(issuer)
        let today = JalaliDate(date: work.now)
        let start = today.adding(days: -5)
        let inputs: [String: Any] = ["sumInsured": 1_000_000_000, "members": members, "averageAge": 38, "occupationalClass": 2,
                                     "covers": ["death", "accidental-death"]]
        let request = QuoteDesk.Request(product: product.rawValue, customerID: try company.requireID(), date: start,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        let quote = try await QuoteDesk.create(request, priced: try QuoteDesk.price(request, principal: principal, products: work.products, purchaseDay: nil),
                                               principal: principal, in: work)
        let policy = try await PolicyRegistration.register(
            .init(quoteID: try quote.requireID(), customerID: try company.requireID(), term: try PolicyTerm(from: today, to: today.addingYears(1)), plan: .cash),
            principal: principal, in: work)
        policy.startDate = start.description
        policy.endDate = start.addingYears(1).description
        try await policy.save(on: work.db)
        let id = try policy.requireID()
        _ = try await GroupLifeDesk.numberContract(policyID: id, principal: principal, in: work)
        _ = try await GroupLifeDesk.listMembers(policyID: id, body: try memberList(start: start), principal: principal, in: work)
        // rows 2 and 3 were sent to examination (ages 50 and 48 at 1,000,000,000); row 4 (58) still waits
        _ = try await GroupLifeUnderwritingDesk.record(.init(outcome: "extra", extraPercent: Percent(50)), policyID: id, row: 2, principal: principal, in: work)
        _ = try await GroupLifeUnderwritingDesk.record(.init(outcome: "accept"), policyID: id, row: 3, principal: principal, in: work)
        let final = try await GroupLifeFinalPremiumDesk.settle(policyID: id, principal: principal, in: work)
        let payment = try await PaymentDesk.receive(
            .init(method: .cheque, amount: Rial(amount: final.total), paidOn: today, cheque: ("100500", "سپه", today, nil), endorsementID: nil),
            policyID: id, ifMatch: nil, principal: principal, in: work)
        _ = try await PaymentDesk.settle(try payment.requireID(), verdict: .collect, in: work)
        _ = try await IssueDesk.issue(id, ifMatch: nil, principal: principal, in: work)
        return 1
    }

    /// 60 employees: most in their thirties (accepted in a group of ≥ 50), rows 2–4 older.
    static func memberList(start: JalaliDate) throws -> Data {
        let first = ["رضا", "نرگس", "امیر", "لیلا", "محمد", "زهرا", "حمید", "فاطمه", "سعید", "مینا"]
        let last = ["کریمی", "موسوی", "حسینی", "جعفری", "صادقی", "رحیمی", "نوری", "قاسمی", "اکبری", "یوسفی"]
        let jobs = ["کارشناس مالی", "کارشناس فروش", "راننده", "انباردار", "کارشناس فنی"]
        let ages: [Int: Int] = [2: 50, 3: 48, 4: 58]
        let rows: [[String: Any]] = (1...members).map { row in
            let age = ages[row] ?? (28 + row % 12)
            let birth = try? JalaliDate(year: start.year - age - 1, month: 1 + row % 12, day: 1 + row % 28)
            return ["firstName": first[row % first.count], "lastName": last[(row / first.count) % last.count],
                    "birthDate": birth?.description ?? "1365/01/01", "birthCertificateNumber": String(5000 + row),
                    GroupMemberList.issuePlaceField: "تهران", "jobTitle": jobs[row % jobs.count]]
        }
        return try JSONSerialization.data(withJSONObject: ["members": rows], options: [.sortedKeys])
    }
}
