import Fluent
import Foundation
import InsuranceKit

/// R-CL-03 where the product sends a late notice to a commission (`LateNoticePolicy.commission`):
/// the late-notice form is opened with the file, issuance's figures are added, the commission
/// approves with an agreed amount or rejects, and an approval more than 9 months after the loss
/// waits for HQ. Each step is audited and records an entry on the file; the file may go on only
/// once the form is approved (its `lateDecision` becomes `accept`), and a rejection ends it with a
/// numbered letter.
enum LateNoticeCommission {
    struct Figures: Sendable {
        var averagePremium: Rial
        var lastPremiumDate: JalaliDate
        var lastPremiumAmount: Rial
        var averageInsured: Int
    }

    /// At notice, in the notice's transaction: the form of a late file.
    static func open(_ claim: Claim, in work: UnitOfWork) async throws {
        let review = LateNoticeReview(deathDate: try JalaliDate(parsing: claim.lossDate), noticeDate: try JalaliDate(parsing: claim.noticeDate))
        let record = LateNoticeReviewRecord()
        record.id = try claim.requireID()
        record.needsHeadquarters = review.needsHeadquarters
        try await record.create(on: work.db)
        try await work.audit("claim.late-notice.referred", entity: "claim", id: try claim.requireID().uuidString,
                             after: ["stage": review.stage.rawValue, "needsHeadquarters": String(review.needsHeadquarters)])
    }

    static func stored(_ claim: Claim, on db: any Database) async throws -> LateNoticeReviewRecord? {
        try await LateNoticeReviewRecord.find(claim.requireID(), on: db)
    }

    /// The form as its stored steps leave it.
    static func form(_ claim: Claim, _ record: LateNoticeReviewRecord) throws -> LateNoticeReview {
        var figures: LateNoticeReview.IssuanceFigures?
        if let average = record.averagePremium, let date = record.lastPremiumDate, let last = record.lastPremiumAmount, let insured = record.averageInsured {
            figures = .init(averagePremiumLastTwoYears: Rial(amount: average), lastPremiumDate: try JalaliDate(parsing: date),
                            lastPremiumAmount: Rial(amount: last), averageInsuredLastTwoYears: insured)
        }
        return try LateNoticeReview.replay(
            deathDate: try JalaliDate(parsing: claim.lossDate), noticeDate: try JalaliDate(parsing: claim.noticeDate), figures: figures,
            commission: record.commissionApproved.map { ($0, record.agreedAmount.map { Rial(amount: $0) }, record.commissionReason ?? "") },
            headquarters: record.headquartersApproved.map { ($0, record.headquartersReason ?? "") })
    }

    /// The commission's agreed amount of an approved form (it caps the payable), else nil.
    static func agreedAmount(_ claim: Claim, on db: any Database) async throws -> Rial? {
        guard let record = try await stored(claim, on: db), try form(claim, record).stage == .approved else { return nil }
        return record.agreedAmount.map { Rial(amount: $0) }
    }

    /// The form awaiting `stage` (409 `late-notice-wrong-stage` otherwise), for the role that
    /// records that step (403 otherwise).
    private static func pending(_ claim: Claim, _ stage: LateNoticeReview.Stage, principal: Principal,
                                on db: any Database) async throws -> (LateNoticeReviewRecord, LateNoticeReview) {
        guard let record = try await stored(claim, on: db) else {
            throw AppError.conflict("no-late-notice-review", "این پرونده فرم اعلام تأخیر ندارد.")
        }
        let review = try form(claim, record)
        guard !ClaimAccess.state(of: claim).isTerminal else { throw AppError.conflict("claim-closed", "پرونده مختومه است.") }
        guard review.stage == stage else {
            throw AppError.conflict("late-notice-wrong-stage", "فرم اعلام تأخیر در این مرحله نیست (اکنون: \(review.stage.title)).")
        }
        guard principal.role == stage.actor else { throw AppError.forbidden }
        return (record, review)
    }

    private static func run(_ body: () throws -> Void) throws {
        do { try body() } catch let error as DomainError where error.code == "late-notice-wrong-stage" {
            throw AppError.conflict(error.code, error.message)
        } catch let error as DomainError {
            throw AppError.validation(error, field: error.field ?? "reason")
        }
    }

    /// Issuance's figures (seed 004: average premium and number insured of the last two years,
    /// date and amount of the last premium), keyed in from the returned form.
    static func addFigures(_ claim: Claim, _ figures: Figures, principal: Principal, in work: UnitOfWork) async throws {
        var (record, review) = try await pending(claim, .awaitingIssuance, principal: principal, on: work.db)
        try run {
            try review.addIssuanceFigures(.init(averagePremiumLastTwoYears: figures.averagePremium, lastPremiumDate: figures.lastPremiumDate,
                                                lastPremiumAmount: figures.lastPremiumAmount, averageInsuredLastTwoYears: figures.averageInsured))
        }
        if figures.lastPremiumDate > JalaliDate(date: work.now) {
            throw AppError.validation([FieldError(field: "lastPremiumDate", code: "date-in-future", message: "تاریخ آخرین حق بیمه نمی‌تواند بعد از امروز باشد.")])
        }
        record.averagePremium = figures.averagePremium.amount
        record.lastPremiumDate = figures.lastPremiumDate.description
        record.lastPremiumAmount = figures.lastPremiumAmount.amount
        record.averageInsured = figures.averageInsured
        try await record.save(on: work.db)
        try await changed(claim, in: work)
        let text = "ارقام صدور: میانگین حق بیمهٔ دو سال \(figures.averagePremium.persianFormatted) ریال؛ آخرین حق بیمه "
            + "\(figures.lastPremiumAmount.persianFormatted) ریال در \(Normalize.persianDigits(figures.lastPremiumDate.description))؛ "
            + "میانگین تعداد بیمه‌شدگان دو سال \(Normalize.persianDigits(String(figures.averageInsured)))"
        try await ClaimWorkflow.addEntry(claim, .lateNotice, text: text, principal: principal, in: work)
        try await work.audit("claim.late-notice.figures", entity: "claim", id: try claim.requireID().uuidString,
                             after: ["averagePremium": String(figures.averagePremium.amount), "lastPremiumDate": figures.lastPremiumDate.description,
                                     "lastPremiumAmount": String(figures.lastPremiumAmount.amount), "averageInsured": String(figures.averageInsured)])
    }

    /// The commission's decision: approve with the agreed amount and a reason, or reject with one.
    static func commission(_ claim: Claim, approve: Bool, agreedAmount: Rial?, reason: String, principal: Principal, in work: UnitOfWork) async throws {
        var (record, review) = try await pending(claim, .awaitingCommission, principal: principal, on: work.db)
        try run { try review.commission(approve: approve, agreedAmount: approve ? agreedAmount : nil, reason: reason) }
        // an agreed amount above what the file would pay agrees to nothing (where the file has its figure already)
        if let agreed = review.agreedAmount,
           let approved = (try? await SettlementDesk.settlement(claim, products: work.products, on: work.db))?.approved, agreed > approved {
            throw AppError.validation([FieldError(field: "agreedAmount", code: "agreed-above-benefit",
                                                  message: "مبلغ مورد توافق از مبلغ قابل پرداخت پرونده (\(approved.persianFormatted) ریال) بیشتر است.")])
        }
        record.commissionApproved = approve
        record.agreedAmount = review.agreedAmount?.amount
        record.commissionReason = review.reason
        try await record.save(on: work.db)
        try await changed(claim, in: work)
        try await work.audit("claim.late-notice.commission", entity: "claim", id: try claim.requireID().uuidString,
                             after: ["approve": String(approve), "agreedAmount": review.agreedAmount.map { String($0.amount) } ?? "",
                                     "reason": review.reason ?? "", "stage": review.stage.rawValue])
        try await conclude(claim, review, principal: principal, in: work)
    }

    /// HQ's answer to an approval of a notice more than 9 months late.
    static func headquarters(_ claim: Claim, approve: Bool, reason: String, principal: Principal, in work: UnitOfWork) async throws {
        var (record, review) = try await pending(claim, .awaitingHeadquarters, principal: principal, on: work.db)
        try run { try review.headquarters(approve: approve, reason: reason) }
        record.headquartersApproved = approve
        record.headquartersReason = review.reason
        try await record.save(on: work.db)
        try await changed(claim, in: work)
        try await work.audit("claim.late-notice.headquarters", entity: "claim", id: try claim.requireID().uuidString,
                             after: ["approve": String(approve), "reason": review.reason ?? "", "stage": review.stage.rawValue])
        try await conclude(claim, review, principal: principal, in: work)
    }

    /// Every step changes the file: its version (the ETag) moves, so a client holding the file as
    /// it was before another user's step is refused by If-Match.
    private static func changed(_ claim: Claim, in work: UnitOfWork) async throws {
        claim.version += 1
        try await claim.save(on: work.db)
    }

    /// A decided form: approved → the file goes on, with a numbered letter; rejected → the file
    /// ends with one. Awaiting HQ → an entry only.
    private static func conclude(_ claim: Claim, _ review: LateNoticeReview, principal: Principal, in work: UnitOfWork) async throws {
        let reason = review.reason ?? ""
        let customer = try await ClaimWorkflow.customerName(claim, on: work.db)
        switch review.stage {
        case .approved:
            claim.lateDecision = .accept
            claim.version += 1
            try await claim.save(on: work.db)
            let amount = review.agreedAmount.map { " — مبلغ مورد توافق \($0.persianFormatted) ریال" } ?? ""
            let letter = try await LetterBook.register(.outgoing, subject: "پذیرش اعلام دیرهنگام پروندهٔ خسارت \(claim.printedFileNumber)\(amount): \(reason)",
                                                       correspondent: customer, userID: principal.userID, in: work)
            try await ClaimWorkflow.addEntry(claim, .letter, text: "اعلام دیرهنگام پذیرفته شد\(amount): \(reason)", amount: review.agreedAmount?.amount,
                                             reference: letter.registerNumber, principal: principal, in: work)
        case .rejected:
            claim.lateDecision = .reject
            try await ClaimWorkflow.endWithLetter(claim, event: .reject(reason: "اعلام دیرهنگام پذیرفته نشد: \(reason)"), customer: customer,
                                                  principal: principal, in: work)
        case .awaitingHeadquarters:
            try await ClaimWorkflow.addEntry(claim, .lateNotice, text: "کمیسیون پذیرفت (مبلغ \((review.agreedAmount ?? .zero).persianFormatted) ریال)؛ تأخیر بیش از ۹ ماه: در انتظار تأیید ستاد اشخاص",
                                             principal: principal, in: work)
        case .awaitingIssuance, .awaitingCommission:
            break
        }
    }
}
