import Fluent
import InsuranceKit
import Vapor

/// What waits for the signed-in role, each a count that opens the list it counts. Policy queues
/// are the policies list's own filters, so the count and the list agree.
enum DashboardQueues {
    struct Queue: Encodable {
        var label: String
        var count: Int
        var href: String
    }

    /// Renewals are offered this many days before the end (the queue's window).
    static let renewalWindowDays = 30

    static func awaitingIssue() -> PolicyFilter {
        var f = PolicyFilter()
        f.status = .registered
        return f
    }

    static func readyToIssue() -> PolicyFilter {
        var f = awaitingIssue()
        f.ready = true
        return f
    }

    static func endorsementsUnpaid() -> PolicyFilter {
        var f = PolicyFilter()
        f.endorsementUnpaid = true
        return f
    }

    static func renewalsDue(today: JalaliDate) -> PolicyFilter {
        var f = PolicyFilter()
        f.status = .issued
        f.dateField = .end
        f.from = today
        f.to = today.adding(days: renewalWindowDays)
        return f
    }

    /// Held cheques due today or earlier, on the received payments list (the cheques page acts on them).
    static func chequesDue(today: JalaliDate) -> PaymentFilter {
        var f = PaymentFilter()
        f.status = .held
        f.method = .cheque
        f.dateField = .due
        f.to = today
        return f
    }

    static func slipsToConfirm() -> PaymentFilter {
        var f = PaymentFilter()
        f.status = .pending
        return f
    }

    static func queues(for principal: Principal, today: JalaliDate, on db: any Database) async throws -> [Queue] {
        var out: [Queue] = []
        func policies(_ label: String, _ filter: PolicyFilter) async throws {
            let count = try await PolicySearch.query(filter, for: principal, today: today, on: db).count()
            out.append(Queue(label: label, count: count, href: WebPath.policies + filter.queryString()))
        }
        switch principal.role {
        case .issuer:
            try await policies("پرداخت‌شده و آمادهٔ صدور", readyToIssue())
            try await policies("بیمه‌نامه‌های ثبت‌شده در انتظار صدور", awaitingIssue())
            try await policies("الحاقیه‌های در انتظار پرداخت", endorsementsUnpaid())
            try await policies("تمدیدهای سررسیده در \(Normalize.persianDigits(String(renewalWindowDays))) روز آینده", renewalsDue(today: today))
        case .agent where principal.agencyID != nil:
            let drafts = try await QuoteDrafts.query(for: principal, on: db).count()
            out.append(Queue(label: "پیشنهادهای نمایندگی که هنوز ثبت نشده‌اند", count: drafts, href: WebPath.quotes))
            try await policies("ثبت‌های نمایندگی که صدورشان با بیمه‌گر است (پرداخت‌شده)", readyToIssue())
            try await policies("ثبت‌های نمایندگی در انتظار پرداخت یا صدور", awaitingIssue())
            try await policies("بیمه‌نامه‌های نمایندگی برای تمدید در \(Normalize.persianDigits(String(renewalWindowDays))) روز آینده", renewalsDue(today: today))
        case .accountant:
            let held = try await Payment.query(on: db).filter(\.$status == .held).filter(\.$method == .cheque).all()
            let due = held.filter { p in (p.chequeDueDate.flatMap { try? JalaliDate(parsing: $0) }).map { $0 <= today } ?? true }
            out.append(Queue(label: "چک‌های سررسیدهٔ امروز و گذشته", count: due.count, href: WebPath.payments + chequesDue(today: today).queryString()))
            let slips = try await Payment.query(on: db).filter(\.$status == .pending).count()
            out.append(Queue(label: "فیش‌های بانکی در انتظار تأیید", count: slips, href: WebPath.payments + slipsToConfirm().queryString()))
            let orders = try await PaymentOrder.query(on: db).filter(\.$paidOn == nil).count()
            out.append(Queue(label: "حواله‌های در انتظار پرداخت", count: orders, href: WebPath.cheques))
        case .claims:
            try await out.append(claims("اعلام‌های بی‌مدرک (در انتظار مدارک)", .documentsPending, on: db))
            try await out.append(claims("اعلام‌های تازه", .notified, on: db))
            try await out.append(claims("پرونده‌های در انتظار بازدید و ارزیابی", .inspection, on: db))
        case .head:
            out.append(Queue(label: "احکام بازدید در انتظار تأیید", count: try await inspectionsAwaitingApproval(on: db),
                             href: WebPath.claims + "?status=" + ClaimState.inspection.rawValue))
        default:
            break
        }
        return out
    }

    private static func claims(_ label: String, _ state: ClaimState, on db: any Database) async throws -> Queue {
        Queue(label: label, count: try await Claim.query(on: db).filter(\.$status == state).count(),
              href: WebPath.claims + "?status=" + state.rawValue)
    }

    /// R-CL-05: a scheduled visit the head has not yet approved (more orders than approvals).
    private static func inspectionsAwaitingApproval(on db: any Database) async throws -> Int {
        let ids = try await Claim.query(on: db).filter(\.$status == .inspection).all().compactMap(\.id)
        guard !ids.isEmpty else { return 0 }
        let entries = try await ClaimEntry.query(on: db).filter(\.$claim.$id ~~ ids)
            .filter(\.$kind ~~ [.inspectionScheduled, .inspectionApproved]).all()
        return Dictionary(grouping: entries, by: { $0.$claim.id }).values.filter { list in
            list.filter { $0.kind == .inspectionScheduled }.count > list.filter { $0.kind == .inspectionApproved }.count
        }.count
    }
}
