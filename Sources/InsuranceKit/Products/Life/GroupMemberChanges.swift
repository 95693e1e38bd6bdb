import Foundation

/// A member already on a group life contract, as a change is checked against it (R-GL-09).
public struct ListedMember: Sendable, Hashable {
    public let row: Int
    /// The doctor's extra on the death cover (0 when none).
    public let extra: Percent
    /// Removed by an earlier endorsement.
    public let removed: Bool
    /// Paid for: in the premium the contract charged (admitted at the final premium, added by an
    /// endorsement, or listed on a contract issued on its estimate). A member the doctor declined
    /// before the final premium was never charged, so removing one refunds nothing.
    public let charged: Bool
    let identity: String

    public init(row: Int, member: GroupMember, extra: Percent, removed: Bool, charged: Bool = true) {
        self.row = row
        self.extra = extra
        self.removed = removed
        self.charged = charged
        self.identity = member.identity
    }
}

/// R-GL-09: one endorsement's member change, `{addMembers:[…]}` (additional endorsement) or
/// `{removeRows:[…]}` (refund endorsement), checked against the list and priced by months.
public enum GroupMemberChange: Sendable, Hashable {
    case add([GroupMember])
    case remove([Int])

    static let fields: Set<String> = ["addMembers", "removeRows"]

    /// Reads `changes` against the contract's list. Every problem is reported with its path, none
    /// stored: `member-change-required` (neither or both), `duplicate-member` (twice in the request
    /// or already an active member), `duplicate-row`, `unknown-member-row`, `member-already-removed`,
    /// `group-empty` (removing every active member: that is a cancellation).
    public static func parse(_ data: Data, listed: [ListedMember], today: JalaliDate) throws -> GroupMemberChange {
        var reader = InputReader()
        let root = try JSONInput.parse(data)
        guard let body = reader.object(root, at: "changes", allowed: fields) else {
            try reader.finish()
            throw DomainError(code: "member-change-required", message: "تغییر بیمه‌شدگان را بفرستید.", field: "changes")
        }
        let add = body["addMembers"].flatMap { $0.isNull ? nil : $0 }
        let remove = body["removeRows"].flatMap { $0.isNull ? nil : $0 }
        guard (add == nil) != (remove == nil) else {
            reader.fail("member-change-required",
                        "هر الحاقیه یا بیمه‌شدگانی می‌افزاید (addMembers) یا ردیف‌هایی را حذف می‌کند (removeRows)، نه هر دو و نه هیچ‌کدام.",
                        at: "changes")
            try reader.finish()
            throw DomainError(code: "member-change-required", message: "تغییر بیمه‌شدگان را بفرستید.", field: "changes")
        }
        let change: GroupMemberChange
        if let add {
            change = .add(parseAdded(add, listed: listed, today: today, into: &reader))
        } else {
            change = .remove(parseRemoved(remove, listed: listed, into: &reader))
        }
        try reader.finish()
        return change
    }

    static func parseAdded(_ value: JSONInput?, listed: [ListedMember], today: JalaliDate, into reader: inout InputReader) -> [GroupMember] {
        guard let list = reader.list(value, at: "changes.addMembers", label: "بیمه‌شدگان افزوده") else { return [] }
        if list.isEmpty { reader.fail("required", "دست‌کم یک بیمه‌شده برای افزودن بفرستید.", at: "changes.addMembers") }
        var active: [String: Int] = [:]
        for member in listed where !member.removed { active[member.identity] = member.row }
        var firstIndex: [String: Int] = [:]
        var members: [GroupMember] = []
        for (index, element) in list.enumerated() {
            let path = "changes.addMembers[\(index)]"
            guard let member = GroupMemberList.parseMember(element, at: path, today: today, into: &reader) else { continue }
            if let row = active[member.identity] {
                reader.fail("duplicate-member", "این شخص هم‌اکنون بیمه‌شدهٔ ردیف \(InputReader.persian(row)) قرارداد است.", at: path)
                continue
            }
            if let first = firstIndex[member.identity] {
                reader.fail("duplicate-member", "این بیمه‌شده پیش‌تر در ردیف \(InputReader.persian(first)) همین فهرست آمده است.", at: path)
                continue
            }
            firstIndex[member.identity] = index + 1
            members.append(member)
        }
        return members
    }

    static func parseRemoved(_ value: JSONInput?, listed: [ListedMember], into reader: inout InputReader) -> [Int] {
        guard let list = reader.list(value, at: "changes.removeRows", label: "ردیف‌های حذف") else { return [] }
        if list.isEmpty { reader.fail("required", "دست‌کم یک ردیف برای حذف بفرستید.", at: "changes.removeRows") }
        let byRow = Dictionary(listed.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Int] = []
        var seen = Set<Int>()
        for (index, element) in list.enumerated() {
            let path = "changes.removeRows[\(index)]"
            guard let row = reader.requiredInteger(element, at: path, label: "ردیف", range: 1...Int(Int32.max), code: "unknown-member-row") else { continue }
            guard let member = byRow[row] else {
                reader.fail("unknown-member-row", "ردیف \(InputReader.persian(row)) در فهرست بیمه‌شدگان این قرارداد نیست.", at: path)
                continue
            }
            guard !member.removed else {
                reader.fail("member-already-removed", "بیمه‌شدهٔ ردیف \(InputReader.persian(row)) پیش‌تر با الحاقیه حذف شده است.", at: path)
                continue
            }
            guard member.charged else {
                reader.fail("member-not-charged", "بیمه‌شدهٔ ردیف \(InputReader.persian(row)) پذیرفته نشد و حق بیمه‌ای برای او گرفته نشده است؛ حذف او برگشتی ندارد.", at: path)
                continue
            }
            guard seen.insert(row).inserted else {
                reader.fail("duplicate-row", "ردیف \(InputReader.persian(row)) دو بار آمده است.", at: path)
                continue
            }
            rows.append(row)
        }
        let active = listed.filter { !$0.removed && $0.charged }.count
        if !rows.isEmpty, rows.count >= active, reader.errors.isEmpty {
            reader.fail("group-empty", "با حذف همهٔ بیمه‌شدگان قراردادی نمی‌ماند؛ قرارداد را فسخ کنید.", at: "changes.removeRows")
        }
        return rows
    }

    /// R-GL-09: the premium delta, positive for added members (without extras: they are priced
    /// before the doctor's outcome) and negative for removed ones (each with its own extra).
    public func premiumDelta(_ premium: GroupLifePremium, listed: [ListedMember], term: PolicyTerm, effective: JalaliDate) throws -> Rial {
        try Self.checkInsideTerm(term, effective)
        switch self {
        case .add(let members):
            return try premium.changePremium(persons: members.map { _ in .zero }, term: term, effective: effective)
        case .remove(let rows):
            let extras = Dictionary(listed.map { ($0.row, $0.extra) }, uniquingKeysWith: { first, _ in first })
            return try premium.changePremium(persons: rows.map { extras[$0] ?? .zero }, term: term, effective: effective).negated()
        }
    }

    /// R-GL-09: the annual premium of the changed persons, the amount the contract's annual
    /// premium moves by.
    public func annualChange(_ premium: GroupLifePremium, listed: [ListedMember]) throws -> Rial {
        let base = try premium.annualPerPerson()
        switch self {
        case .add(let members):
            return try base.multiplied(by: Int64(members.count))
        case .remove(let rows):
            let extras = Dictionary(listed.map { ($0.row, $0.extra) }, uniquingKeysWith: { first, _ in first })
            return try Rial.sum(rows.map { try base.adding(try premium.medicalExtra(extras[$0] ?? .zero)) }).negated()
        }
    }

    /// How many active members the change adds (negative: removes).
    public var memberCountChange: Int {
        switch self {
        case .add(let members): members.count
        case .remove(let rows): -rows.count
        }
    }

    /// As the generic endorsements: start < effective ≤ end ("endorsement-outside-term").
    static func checkInsideTerm(_ term: PolicyTerm, _ effective: JalaliDate) throws {
        guard term.start < effective, effective <= term.end else {
            throw DomainError(code: "endorsement-outside-term",
                              message: "تاریخ اجرای الحاقیه باید پس از \(term.start.persianDescription) و تا \(term.end.persianDescription) باشد.",
                              field: "effectiveDate")
        }
    }
}

/// R-GL-09 for a whole group life contract, R-IL-01 for individual term life: what a
/// cancellation keeps and pays back.
public enum LifeCancellation {
    public static let byMonths = "months"
    public static let noRefund = "no-refund"

    /// The day cover stops: notice + notice days, not before the start; after the end →
    /// "cancellation-after-expiry" (as R-P-08).
    static func effectiveDate(term: PolicyTerm, noticeDate: JalaliDate, noticeDays: Int) throws -> JalaliDate {
        let effective = Swift.max(noticeDate.adding(days: noticeDays), term.start)
        guard effective <= term.end else {
            throw DomainError(code: "cancellation-after-expiry",
                              message: "فسخ پس از پایان قرارداد (\(term.end.persianDescription)) اجرا می‌شود؛ قرارداد خودبه‌خود پایان می‌یابد.",
                              field: "noticeDate")
        }
        return effective
    }

    /// R-GL-09: cancelling the contract refunds the annual premium in force × remaining months / 12
    /// (months = ceil(remaining days × 12 / term days)), whoever asks; the insurer keeps the rest of
    /// what was charged. refund = max(0, paid − retained), owed = max(0, retained − paid).
    public static func groupContract(annualPremium: Rial, charged: Rial, paid: Rial, term: PolicyTerm, noticeDate: JalaliDate,
                                     noticeDays: Int) throws -> CancellationOutcome {
        let effective = try effectiveDate(term: term, noticeDate: noticeDate, noticeDays: noticeDays)
        let months = GroupLifePremium.remainingMonths(term: term, effective: effective)
        let unused = Swift.min(try annualPremium.proRata(numerator: Int64(months), denominator: 12), charged)
        let retained = try charged.subtracting(unused)
        let balance = try paid.subtracting(retained)
        return CancellationOutcome(effectiveDate: effective, elapsedDays: term.elapsedDays(at: effective),
                                   remainingDays: term.remainingDays(at: effective), method: byMonths, retainedPercent: nil,
                                   retained: retained, refund: balance > .zero ? balance : .zero,
                                   owed: balance < .zero ? try balance.negated() : .zero)
    }

    /// R-IL-01: term life premiums are never refunded. The insurer keeps what was paid, refunds
    /// nothing, and the years not yet due are not owed (cover ends on the effective day).
    public static func termLife(paid: Rial, term: PolicyTerm, noticeDate: JalaliDate, noticeDays: Int) throws -> CancellationOutcome {
        let effective = try effectiveDate(term: term, noticeDate: noticeDate, noticeDays: noticeDays)
        return CancellationOutcome(effectiveDate: effective, elapsedDays: term.elapsedDays(at: effective),
                                   remainingDays: term.remainingDays(at: effective), method: noRefund, retainedPercent: nil,
                                   retained: paid, refund: .zero, owed: .zero)
    }
}
