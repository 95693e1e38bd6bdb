import Fluent
import Foundation
import InsuranceKit

/// Receiving a loss notice and opening the file (R-CL-01…04, R-CL-12): the register is checked
/// for a loss already paid, the letter and the file are numbered, the notice deadline and the
/// premium inquiry are answered from what the system holds.
enum NoticeDesk {
    struct Request: Sendable {
        var policyID: UUID
        var lossDate: JalaliDate
        var noticeDate: JalaliDate
        var description: String
        /// Nil: the product's default case (`ProductLine.defaultClaimCase`).
        var claimCase: ClaimCase?
        /// R-CL-02: the day the insured learned of a claim against them; nil: the loss date.
        var claimKnownDate: JalaliDate? = nil
        /// R-CL-06: the codes of the conditions that hold on the file (death, surgery, …).
        var conditions: [String] = []
        /// The product's own facts (third party: R-TP-11, R-TP-12); its hooks check them.
        var facts = ClaimFacts()
    }

    enum Outcome: Sendable {
        case opened(Claim)
        /// R-CL-12: this loss was already paid; the refusal letter's number.
        case alreadyPaid(letter: String, fileNumber: String)
    }

    static func open(_ request: Request, principal: Principal, in work: UnitOfWork) async throws -> Outcome {
        guard let policy = try await Policy.find(request.policyID, on: work.db) else {
            throw AppError.validation([FieldError(field: "policyId", code: "unknown-policy", message: "بیمه‌نامه‌ای با این شناسه پیدا نشد.")])
        }
        let policyID = try policy.requireID()
        guard policy.status != .registered else {
            throw AppError.validation([FieldError(field: "policyId", code: "policy-not-issued", message: "این بیمه‌نامه هنوز صادر نشده است.")])
        }
        let today = JalaliDate(date: work.now)
        var reader = FieldReader()
        if request.lossDate > today { reader.add("lossDate", "loss-in-future", "تاریخ وقوع خسارت نمی‌تواند بعد از امروز باشد.") }
        if request.noticeDate > today { reader.add("noticeDate", "notice-in-future", "تاریخ اعلام خسارت نمی‌تواند بعد از امروز باشد.") }
        try reader.throwIfAny()
        let line = try work.products.line(policy.product), hooks = work.products.hooks(policy.product)
        let rules = line.claimRules
        let notice: NoticeCheck
        do {
            notice = try rules.checkNotice(lossDate: request.lossDate, noticeDate: request.noticeDate, claimKnownDate: request.claimKnownDate)
        } catch let e as DomainError {
            throw AppError.validation(e, field: e.field ?? "noticeDate")
        }
        let claimCase = request.claimCase ?? line.defaultClaimCase
        _ = try DomainErrorMapping.validating { try line.checklist(for: claimCase) }
        try hooks.checkNoticeFacts(request.facts, claimCase: claimCase)
        // the product's own answer first: for health, a person not insured that day is "not-covered"
        let derived = try await hooks.examineNotice(policy, claimCase: claimCase, facts: request.facts, lossDate: request.lossDate, on: work.db)
        try checkCover(policy, lossDate: request.lossDate)
        try hooks.checkCover(policy, claimCase: claimCase, facts: request.facts, lossDate: request.lossDate)
        try checkConditions(request.conditions, line: line, claimCase: claimCase)

        // R-CL-12: a loss of the same day on the same policy that was already paid is refused by letter.
        let earlier = try await Claim.query(on: work.db).filter(\.$policy.$id == policyID).filter(\.$lossDate == request.lossDate.description).all()
        var paidSameLoss: Claim?
        for file in earlier where file.status == .paid || file.status == .paymentOrdered || file.paidOn != nil {
            if try await hooks.isSameLoss(file, facts: request.facts, on: work.db) { paidSameLoss = file; break }
        }
        if let paid = paidSameLoss {
            let customer = try await policy.$customer.get(on: work.db)
            let letter = try await LetterBook.register(.outgoing, subject: "عدم امکان پرداخت دوباره: خسارت \(request.lossDate) در پروندهٔ \(paid.printedFileNumber) پرداخت شده است",
                                                       correspondent: customer.displayName, userID: principal.userID, in: work)
            return .alreadyPaid(letter: letter.registerNumber, fileNumber: paid.printedFileNumber)
        }

        let customer = try await policy.$customer.get(on: work.db)
        let noticeLetter = try await LetterBook.register(.incoming, subject: "اعلام خسارت بیمه‌نامهٔ \(policy.printedNumber ?? "")",
                                                         correspondent: customer.displayName, userID: principal.userID, in: work)
        let claim = Claim()
        claim.version = 1
        claim.product = policy.product
        claim.fileYear = today.year
        claim.fileNumber = try await work.nextNumber(.claimNotice, year: today.year)
        claim.noticeLetter = noticeLetter.registerNumber
        claim.lossDate = request.lossDate.description
        claim.noticeDate = request.noticeDate.description
        claim.claimKnownDate = request.claimKnownDate?.description
        claim.description = request.description
        claim.claimCase = claimCase
        claim.status = .notified
        claim.noticeLate = notice.isLate
        if notice.isLate && rules.lateNoticePolicy == .accept { claim.lateDecision = .accept }
        claim.conditions = Set(request.conditions).union(derived).sorted()
        claim.daysLate = notice.daysLate
        claim.premiumInquiry = try QuoteDesk.json(try await premiumInquiry(policy, lossDate: request.lossDate, on: work.db))
        claim.$policy.id = policyID
        claim.$createdBy.id = principal.userID
        try await claim.create(on: work.db)
        try await hooks.record(request.facts, for: claim, in: work)
        // R-CL-03: a late notice of a commission line opens the late-notice form; the file waits for it
        if notice.isLate && rules.lateNoticePolicy == .commission { try await LateNoticeCommission.open(claim, in: work) }
        try await work.audit("claim.opened", entity: "claim", id: try claim.requireID().uuidString,
                             after: ["file": claim.printedFileNumber, "policy": policy.printedNumber ?? "", "lossDate": claim.lossDate,
                                     "noticeLate": String(notice.isLate), "premiumInquiry": claim.premiumInquiry])

        // R-CL-03: a late notice on a line that never accepts one is rejected by letter now.
        if notice.isLate && rules.lateNoticePolicy == .reject {
            try await ClaimWorkflow.endWithLetter(claim, event: .reject(reason: "اعلام خسارت \(notice.daysLate) روز پس از مهلت \(rules.noticeDays) روزه"),
                                                  customer: customer.displayName, principal: principal, in: work)
        }
        // The product's own grounds for refusing at notice (third party: R-TP-11).
        if let reason = try await hooks.refusal(for: claim, policy: policy, on: work.db), !ClaimAccess.state(of: claim).isTerminal {
            try await ClaimWorkflow.endWithLetter(claim, event: .reject(reason: reason), customer: customer.displayName, principal: principal, in: work)
        }
        // R-CL-04: a premium not paid before the loss closes the file with a letter.
        if case .notPayable(let reason) = try decodedInquiry(claim), !ClaimAccess.state(of: claim).isTerminal {
            try await ClaimWorkflow.endWithLetter(claim, event: .closeUnpaid(reason: reason.message), customer: customer.displayName, principal: principal, in: work)
        }
        return .opened(claim)
    }

    /// R-CL-06: only the conditions the case's checklist depends on.
    static func checkConditions(_ codes: [String], line: any ProductLine, claimCase: ClaimCase) throws {
        let known = line.documentConditions(for: claimCase).map(\.code)
        var reader = FieldReader()
        for (index, code) in codes.enumerated() where !known.contains(code) {
            reader.add("conditions[\(index)]", "unknown-condition",
                       known.isEmpty ? "برای این نوع خسارت شرطی در فهرست مدارک نیست."
                                     : "شرط «\(code)» در فهرست مدارک این نوع خسارت نیست؛ یکی از " + known.joined(separator: "، ") + ".")
        }
        try reader.throwIfAny()
    }

    /// A loss is covered from 24:00 of the start day to 24:00 of the end day (R-G-04), and not
    /// after a cancellation took effect.
    static func checkCover(_ policy: Policy, lossDate: JalaliDate) throws {
        let term = try PolicyTerm(from: try JalaliDate(parsing: policy.startDate), to: try JalaliDate(parsing: policy.endDate))
        var covered = term.covers(lossDate: lossDate)
        if let record = try StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation") {
            covered = covered && lossDate <= record.outcome.effectiveDate
        }
        guard covered else {
            throw AppError.validation([FieldError(field: "lossDate", code: "loss-outside-cover",
                                                  message: "تاریخ وقوع خسارت در مدت پوشش بیمه‌نامه (از ساعت ۲۴ روز \(Normalize.persianDigits(policy.startDate)) تا ساعت ۲۴ روز \(Normalize.persianDigits(policy.endDate))) نیست.")])
        }
    }

    /// R-CL-04 from the policy account: the charged total, collected money dated by its collection,
    /// less refunds paid back, dated by their order.
    static func premiumInquiry(_ policy: Policy, lossDate: JalaliDate, on db: any Database) async throws -> PremiumInquiryOutcome {
        let ledger = try await PolicyLedger.load(policy, on: db)
        let collected = try await Payment.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$status == .collected).all()
        let payments = collected.compactMap { p -> PremiumPayment? in
            guard let on = (p.settledOn ?? Optional(p.paidOn)).flatMap({ try? JalaliDate(parsing: $0) }) else { return nil }
            return PremiumPayment(collectedOn: on, amount: Rial(amount: p.amount))
        }
        let orders = try await PaymentOrder.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$purpose == PaymentOrderDesk.Purpose.refund.rawValue).all()
        let refunds = orders.compactMap { o in (try? JalaliDate(parsing: o.orderDate)).map { PremiumPayment(collectedOn: $0, amount: Rial(amount: o.amount)) } }
        let plan: PaymentPlan = policy.plan == "cash" ? .cash : .installments(downPayment: Rial(amount: policy.downPayment ?? 0), count: policy.installmentCount ?? 1)
        return try PremiumInquiry.inquire(plan: plan, totalPremium: ledger.charged, payments: payments, refunds: refunds, lossDate: lossDate)
    }

    static func decodedInquiry(_ claim: Claim) throws -> PremiumInquiryOutcome {
        try JSONDecoder().decode(PremiumInquiryOutcome.self, from: Data(claim.premiumInquiry.utf8))
    }
}
