import Fluent
import Foundation
import InsuranceKit

/// The steps of a claim file between notice and settlement (R-CL-03, 05, 06, 07, 09, 13); each
/// is an R-CL-13 event, audited, and letters take their secretariat number.
enum ClaimWorkflow {
    /// Ends a file with a reason letter to the insured (rejected, closed unpaid).
    static func endWithLetter(_ claim: Claim, event: ClaimEvent, customer: String, principal: Principal, in work: UnitOfWork) async throws {
        let reason: String
        switch event {
        case .reject(let r), .closeUnpaid(let r): reason = r
        default: reason = ""
        }
        let letter = try await LetterBook.register(.outgoing, subject: "پروندهٔ خسارت \(claim.printedFileNumber): \(reason)", correspondent: customer,
                                                   userID: principal.userID, in: work)
        claim.endReason = reason
        try await ClaimAccess.move(claim, event, in: work, note: reason)
        try await addEntry(claim, .letter, text: "نامهٔ پایان پرونده: \(reason)", reference: letter.registerNumber, principal: principal, in: work)
    }

    static func addEntry(_ claim: Claim, _ kind: ClaimEntry.Kind, text: String, amount: Int64? = nil, reference: String? = nil,
                         principal: Principal, in work: UnitOfWork) async throws {
        let entry = ClaimEntry()
        entry.$claim.id = try claim.requireID()
        entry.kind = kind
        entry.entryDate = JalaliDate(date: work.now).description
        entry.text = text
        entry.amount = amount
        entry.reference = reference
        entry.$createdBy.id = principal.userID
        try await entry.create(on: work.db)
        try await work.audit("claim.entry.\(kind.rawValue)", entity: "claim", id: try claim.requireID().uuidString,
                             after: ["text": text, "amount": amount.map(String.init) ?? "", "reference": reference ?? ""])
    }

    static func customerName(_ claim: Claim, on db: any Database) async throws -> String {
        try await claim.$policy.get(on: db).$customer.get(on: db).displayName
    }

    /// R-CL-03: the expert attests whether the insured subject changed; a late file goes on or ends.
    /// R-SH-08: where the head decides (`LateNoticePolicy.headDecides`), `approved` is the head's
    /// acceptance and the reason goes to the insured by letter either way.
    static func decideLateNotice(_ claim: Claim, subjectUnchanged approved: Bool, reason: String? = nil, principal: Principal,
                                 in work: UnitOfWork) async throws {
        guard claim.noticeLate, claim.lateDecision == nil else {
            throw AppError.conflict("no-late-decision-pending", "این پرونده تصمیم دیرکرد اعلام لازم ندارد یا پیش‌تر تصمیم گرفته شده است.")
        }
        let policy = try work.products.claimRules(claim.product).lateNoticePolicy
        if policy == .commission {
            throw AppError.conflict("late-notice-commission", "اعلام دیرهنگام این پرونده با فرم اعلام تأخیر و تصمیم کمیسیون رسیدگی می‌شود.")
        }
        guard principal.role == (policy.decider ?? .claims) else { throw AppError.forbidden }
        let why = Normalize.text(reason ?? "")
        if policy.decisionNeedsReason && why.isEmpty {
            throw AppError.validation([FieldError(field: "reason", code: "reason-required", message: "دلیل تصمیم را برای نامهٔ بیمه‌گذار بنویسید.")])
        }
        let decision = policy.decide(subjectUnchanged: approved)
        claim.lateDecision = decision
        try await claim.save(on: work.db)
        let customer = try await customerName(claim, on: work.db)
        if decision == .reject {
            let text = policy.decisionNeedsReason ? "اعلام خسارت دیرهنگام پذیرفته نشد: \(why)" : "اعلام خسارت پس از مهلت و تغییر وضعیت موضوع بیمه"
            try await endWithLetter(claim, event: .reject(reason: text), customer: customer, principal: principal, in: work)
            return
        }
        var after = ["decision": decision.rawValue]
        if policy.decisionNeedsReason {
            let letter = try await LetterBook.register(.outgoing, subject: "پذیرش اعلام دیرهنگام پروندهٔ خسارت \(claim.printedFileNumber): \(why)",
                                                       correspondent: customer, userID: principal.userID, in: work)
            try await addEntry(claim, .letter, text: "اعلام دیرهنگام پذیرفته شد: \(why)", reference: letter.registerNumber, principal: principal, in: work)
            after["reason"] = why
        }
        try await work.audit("claim.late-notice-accepted", entity: "claim", id: try claim.requireID().uuidString, after: after)
    }

    /// A late file may not move on until the expert's attestation is in (R-CL-03).
    static func requireLateDecision(_ claim: Claim) throws {
        if claim.noticeLate && claim.lateDecision == nil {
            throw AppError.conflict("late-notice-undecided", "اعلام خسارت دیرهنگام بوده است؛ نخست باید دربارهٔ پذیرش آن تصمیم گرفته شود.")
        }
    }

    /// R-CL-06: the letter listing what is still missing.
    static func requestDocuments(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws -> (letter: String, missing: [RequiredDocument]) {
        try requireLateDecision(claim)
        let missing = try await missingDocuments(claim, products: work.products, on: work.db)
        let letter = try await LetterBook.register(.outgoing, subject: "درخواست مدارک پروندهٔ خسارت \(claim.printedFileNumber)",
                                                   correspondent: try await customerName(claim, on: work.db), userID: principal.userID, in: work)
        try await ClaimAccess.move(claim, .requestDocuments, in: work)
        try await addEntry(claim, .letter, text: "مدارک لازم: " + missing.map(\.title).joined(separator: "، "), reference: letter.registerNumber, principal: principal, in: work)
        return (letter.registerNumber, missing)
    }

    static func missingDocuments(_ claim: Claim, products: ProductBook, on db: any Database) async throws -> [RequiredDocument] {
        let checklist = try products.checklist(claim.product, case: claim.claimCase)
        let received = try await ClaimDocument.query(on: db).filter(\.$claim.$id == claim.requireID()).all().map(\.code)
        return DocumentChecklists.missing(required: checklist, received: Set(received), conditions: Set(claim.conditions ?? []))
    }

    /// R-CL-05: a visit arranged by phone; the expert's appointment awaits the head's approval.
    static func scheduleInspection(_ claim: Claim, visitDate: JalaliDate, expert: String, independentExpert: String?, principal: Principal, in work: UnitOfWork) async throws {
        try requireLateDecision(claim)
        try await ClaimAccess.move(claim, .scheduleInspection, in: work)
        let text = "بازدید \(visitDate) — کارشناس: \(expert)" + (independentExpert.map { "؛ کارشناس فنی آزاد: \($0)" } ?? "")
        try await addEntry(claim, .inspectionScheduled, text: text, principal: principal, in: work)
    }

    static func approveInspection(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws {
        let entries = try await ClaimEntry.query(on: work.db).filter(\.$claim.$id == claim.requireID()).all()
        guard entries.contains(where: { $0.kind == .inspectionScheduled }) else {
            throw AppError.conflict("no-inspection-scheduled", "برای این پرونده بازدیدی برنامه‌ریزی نشده است.")
        }
        try await addEntry(claim, .inspectionApproved, text: "حکم کارشناسی تأیید شد (\(principal.displayName))", principal: principal, in: work)
    }

    /// R-CL-05: the appointment orders and their approvals, oldest first.
    static func appointmentSteps(_ claim: Claim, on db: any Database) async throws -> [AppointmentStep] {
        try await ClaimEntry.query(on: db).filter(\.$claim.$id == claim.requireID())
            .filter(\.$kind ~~ [.inspectionScheduled, .inspectionApproved]).sort(\.$createdAt).all()
            .map { $0.kind == .inspectionApproved ? .approved : .scheduled }
    }

    static func recordMinutes(_ claim: Claim, text: String, principal: Principal, in work: UnitOfWork) async throws {
        try await addEntry(claim, .visitMinutes, text: text, principal: principal, in: work)
    }

    /// R-CL-07: the independent expert's loss and salvage.
    static func assess(_ claim: Claim, loss: Rial, salvage: Rial, principal: Principal, in work: UnitOfWork) async throws {
        try requireLateDecision(claim)
        guard salvage <= loss else {
            throw AppError.validation([FieldError(field: "salvage", code: "invalid-salvage", message: "بازیافت نمی‌تواند بیشتر از مبلغ خسارت باشد.")])
        }
        let hooks = work.products.hooks(claim.product)
        if !hooks.assessmentFields.salvage && salvage > .zero {
            throw AppError.validation([FieldError(field: "salvage", code: "not-applicable", message: "این نوع خسارت بازیافت ندارد.")])
        }
        try await hooks.checkAssessment(claim, loss: loss, on: work.db)
        claim.loss = loss.amount
        claim.salvage = salvage.amount
        claim.agreedAmount = nil
        try await ClaimAccess.move(claim, .assess, in: work, note: "loss \(loss.amount), salvage \(salvage.amount)")
    }

    /// R-CL-09: the final amount notified by letter; blocked while a required document is missing (R-CL-06).
    static func offer(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws -> String {
        let missing = try await missingDocuments(claim, products: work.products, on: work.db)
        guard missing.isEmpty else {
            throw AppError(.conflict, code: "documents-missing",
                           detail: "تا دریافت این مدارک، تسویه ممکن نیست: " + missing.map(\.title).joined(separator: "، "),
                           errors: missing.map { FieldError(field: "documents.\($0.code)", code: "document-missing", message: $0.title) })
        }
        let settlement = try await SettlementDesk.settlement(claim, products: work.products, on: work.db)
        let letter = try await LetterBook.register(.outgoing, subject: "اعلام مبلغ خسارت پروندهٔ \(claim.printedFileNumber): \(settlement.payable.amount) ریال",
                                                   correspondent: try await customerName(claim, on: work.db), userID: principal.userID, in: work)
        try await ClaimAccess.move(claim, .offer, in: work)
        try await addEntry(claim, .letter, text: "اعلام مبلغ قابل پرداخت به بیمه‌گذار", amount: settlement.payable.amount, reference: letter.registerNumber, principal: principal, in: work)
        return letter.registerNumber
    }

    static func consent(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws {
        try await ClaimAccess.move(claim, .accept, in: work, note: "رضایت‌نامهٔ کتبی بیمه‌گذار بایگانی شد")
    }

    static func dispute(_ claim: Claim, reason: String, principal: Principal, in work: UnitOfWork) async throws {
        try await ClaimAccess.move(claim, .dispute, in: work, note: reason)
    }

    /// A meeting of the dispute; with an agreed amount the file is agreed at that amount (R-CL-09).
    static func meeting(_ claim: Claim, date: JalaliDate, notes: String, agreedAmount: Rial?, principal: Principal, in work: UnitOfWork) async throws {
        guard ClaimAccess.state(of: claim) == .disputed else {
            throw AppError.conflict("not-disputed", "جلسهٔ رسیدگی فقط برای پروندهٔ مورد اعتراض ثبت می‌شود.")
        }
        try await addEntry(claim, .meeting, text: "جلسهٔ \(date): \(notes)", amount: agreedAmount?.amount, principal: principal, in: work)
        if let agreedAmount {
            claim.agreedAmount = agreedAmount.amount
            _ = try await SettlementDesk.settlement(claim, products: work.products, on: work.db)
            try await ClaimAccess.move(claim, .agree, in: work, note: "مبلغ توافقی \(agreedAmount.amount)")
        }
    }
}
