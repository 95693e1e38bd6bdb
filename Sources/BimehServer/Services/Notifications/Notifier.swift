import Fluent
import Foundation
import InsuranceKit

/// Queues the SMS to the insured inside the change that causes it (so a change rolled back sends
/// nothing), one row per event key. `NotificationDelivery` sends them once the change commits.
enum Notifier {
    static let noMobile = "شمارهٔ همراه بیمه‌گذار ثبت نشده است."

    /// A policy issued (R-P-06): its number and cover dates.
    static func policyIssued(_ policy: Policy, in work: UnitOfWork) async throws {
        guard let number = policy.printedNumber,
              let from = try? JalaliDate(parsing: policy.startDate), let to = try? JalaliDate(parsing: policy.endDate) else { return }
        let id = try policy.requireID()
        try await queue(.policyIssued, key: "policy-issued:\(id)", policyID: id, customerID: policy.$customer.id,
                        text: NotificationText.policyIssued(number: number, coverFrom: from, coverTo: to), in: work)
    }

    /// A claim file moved to `state` (R-CL-13); keyed by the file's version, so each move is one message.
    static func claimMoved(_ claim: Claim, to state: ClaimState, in work: UnitOfWork) async throws {
        let id = try claim.requireID()
        guard let policy = try await Policy.find(claim.$policy.id, on: work.db) else { return }
        try await queue(.claimState, key: "claim-state:\(id):\(claim.version)", policyID: policy.id, claimID: id,
                        customerID: policy.$customer.id,
                        text: NotificationText.claimState(fileNumber: claim.printedFileNumber, state: state), in: work)
    }

    /// Installments of issued policies falling due 3 days after `today` and not yet paid or handed
    /// in; returns how many reminders were queued now (a second run the same day queues none).
    static func queueDueReminders(on today: JalaliDate, in work: UnitOfWork) async throws -> Int {
        let due = NotificationText.reminderDueDate(on: today)
        let entries = try await ScheduleEntry.query(on: work.db)
            .filter(\.$dueDate == due.description)
            .join(Policy.self, on: \ScheduleEntry.$policy.$id == \Policy.$id)
            .filter(Policy.self, \.$status == .issued)
            .sort(\.$seq)
            .all()
        var queued = 0
        for entry in entries {
            let policy = try entry.joined(Policy.self)
            let policyID = try policy.requireID()
            let handedIn = try await Payment.query(on: work.db)
                .filter(\.$policy.$id == policyID).filter(\.$installment == entry.seq)
                .filter(\.$status != .bounced).count()
            guard handedIn == 0, let number = policy.printedNumber else { continue }
            let text = NotificationText.installmentDue(policyNumber: number, seq: entry.seq, dueDate: due, amount: Rial(entry.amount))
            if try await queue(.installmentDue, key: "installment-due:\(policyID):\(entry.seq):\(due)", policyID: policyID,
                               installment: entry.seq, customerID: policy.$customer.id, text: text, in: work) {
                queued += 1
            }
        }
        return queued
    }

    /// Adds the message unless its key is already there; a customer without a mobile gets a row
    /// marked not sent, with the reason. Audited (R-G-07).
    @discardableResult
    static func queue(_ kind: SentMessage.Kind, key: String, policyID: UUID?, claimID: UUID? = nil, installment: Int? = nil,
                      customerID: UUID, text: String, in work: UnitOfWork) async throws -> Bool {
        if try await SentMessage.query(on: work.db).filter(\.$key == key).count() > 0 { return false }
        let customer = try await Customer.find(customerID, on: work.db)
        let mobile = customer?.mobile.flatMap { try? MobileNumber($0) }
        let message = SentMessage()
        message.id = UUID()
        message.queuedAt = work.now
        message.key = key
        message.kind = kind.rawValue
        message.policyID = policyID
        message.claimID = claimID
        message.installment = installment
        message.mobile = mobile?.value
        message.text = text
        message.outcome = (mobile == nil ? SentMessage.Outcome.notSent : .pending).rawValue
        message.reason = mobile == nil ? noMobile : nil
        try await message.create(on: work.db)
        try await work.audit("sms.queued", entity: "sent-message", id: try message.requireID().uuidString,
                             after: ["kind": kind.rawValue, "key": key, "outcome": message.outcome])
        return true
    }
}
