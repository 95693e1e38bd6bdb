import Fluent
import Foundation
import InsuranceKit

/// What the life lines add to the generic claim file for a death (R-GL-10/12, R-IL-02): the
/// member's row (group life) and the cause asked at notice and checked against the member list,
/// one death claim per person, the suicide exclusion as a refusal letter, and the benefit as the
/// file's own breakdown, capped by the late-notice commission's agreed amount (R-CL-03).
protocol LifeClaimHooks: ProductHooks {
    /// Group life names the deceased member by row; a term-life policy insures one person.
    var namesMember: Bool { get }
}

extension GroupLifeHooks: LifeClaimHooks {
    var namesMember: Bool { true }
}

extension TermLifeHooks: LifeClaimHooks {
    var namesMember: Bool { false }
}

/// The notice's life facts (API.md `memberRow`, `cause`).
enum LifeClaimFacts {
    static let memberRow = "memberRow", cause = "cause"
    /// Shown on the file of an excluded death (its stable code).
    static let exclusion = "exclusion", suicideExcluded = "suicide-excluded"

    struct Claimed: Sendable {
        /// The member's row; `LifeClaimRecord.insuredRow` for the term-life insured.
        var row: Int
        var cause: DeathCause
    }
}

extension LifeClaimHooks {
    var noticeQuestions: [NoticeQuestion] {
        let cause = NoticeQuestion(name: LifeClaimFacts.cause, label: "عمر: علت فوت",
                                   choices: DeathCause.allCases.map { .init(value: $0.rawValue, label: $0.title) })
        return namesMember ? [.text(LifeClaimFacts.memberRow, "عمر گروهی: ردیف بیمه‌شدهٔ متوفی در فهرست (شمارهٔ بیمه)"), cause] : [cause]
    }

    func checkNoticeFacts(_ facts: ClaimFacts, claimCase: ClaimCase) throws {
        _ = try read(facts)
    }

    /// The cause (required, one of `DeathCause`) and, for group life, the member's row (a whole
    /// number from 1); foreign facts are "not-applicable"; every problem at once.
    func read(_ facts: ClaimFacts) throws -> LifeClaimFacts.Claimed {
        var reader = FieldReader()
        var cause: DeathCause?
        if let raw = facts.texts[LifeClaimFacts.cause].map({ Normalize.text($0) }), !raw.isEmpty {
            cause = DeathCause(rawValue: raw)
            if cause == nil {
                reader.add(LifeClaimFacts.cause, "unknown-cause", "علت فوت باید یکی از " + DeathCause.allCases.map(\.rawValue).joined(separator: "، ") + " باشد.")
            }
        } else {
            let _: DeathCause? = reader.missing(LifeClaimFacts.cause)
        }
        var row: Int? = LifeClaimRecord.insuredRow
        let given = facts.amounts[LifeClaimFacts.memberRow].map { String($0) } ?? facts.texts[LifeClaimFacts.memberRow].map { Normalize.digits(Normalize.text($0)) }
        if namesMember {
            row = nil
            if let given, !given.isEmpty {
                if let value = Int(given), value >= 1 { row = value } else {
                    reader.add(LifeClaimFacts.memberRow, "invalid-member-row", "ردیف بیمه‌شده باید عددی صحیح از ۱ به بالا باشد.")
                }
            } else {
                let _: Int? = reader.missing(LifeClaimFacts.memberRow)
            }
        } else if given != nil {
            reader.add(LifeClaimFacts.memberRow, "not-applicable", "بیمهٔ عمر انفرادی یک بیمه‌شده دارد؛ ردیف فهرست فقط در عمر گروهی معنا دارد.")
        }
        for name in facts.names where ![LifeClaimFacts.memberRow, LifeClaimFacts.cause].contains(name) {
            reader.add(name, "not-applicable", "این فیلد برای خسارت این نوع بیمه‌نامه نیست.")
        }
        try reader.throwIfAny()
        guard let row, let cause else { throw AppError.malformedJSON }
        return LifeClaimFacts.Claimed(row: row, cause: cause)
    }

    /// R-GL-10: the member is on the contract's list, admitted, and was not removed before the
    /// death; no earlier death claim names the same person (for term life: the policy's insured).
    func examineNotice(_ policy: Policy, claimCase: ClaimCase, facts: ClaimFacts, lossDate: JalaliDate,
                       on db: any Database) async throws -> Set<String> {
        let claimed = try read(facts)
        if namesMember { _ = try await Self.member(claimed.row, of: policy, diedOn: lossDate, on: db) }
        try await checkNotClaimed(claimed.row, of: policy, on: db)
        return []
    }

    /// One death claim per person: "death-already-claimed", naming the earlier file.
    func checkNotClaimed(_ row: Int, of policy: Policy, on db: any Database) async throws {
        guard let earlier = try await LifeClaimRecord.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$memberRow == row).first()
        else { return }
        let file = try await Claim.find(earlier.id, on: db)
        throw AppError.validation([FieldError(field: namesMember ? LifeClaimFacts.memberRow : "policyId", code: "death-already-claimed",
                                              message: "فوت این بیمه‌شده پیش‌تر در پروندهٔ خسارت \(Normalize.persianDigits(file?.printedFileNumber ?? "")) اعلام شده است.")])
    }

    /// The listed member covered on the day of the death.
    static func member(_ row: Int, of policy: Policy, diedOn day: JalaliDate, on db: any Database) async throws -> GroupLifeMemberRecord {
        let field = LifeClaimFacts.memberRow
        guard let member = try await GroupLifeMemberRecord.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$row == row).first() else {
            throw AppError.validation([FieldError(field: field, code: "unknown-member",
                                                  message: "ردیف \(Normalize.persianDigits(String(row))) در فهرست بیمه‌شدگان این قرارداد نیست.")])
        }
        if let removed = member.removedOn, let on = try? JalaliDate(parsing: removed), on < day {
            throw AppError.validation([FieldError(field: field, code: "member-removed",
                                                  message: "این بیمه‌شده از \(on.persianDescription) با الحاقیه از فهرست قرارداد خارج شده و در روز فوت زیر پوشش نبود.")])
        }
        switch MemberStanding(rawValue: member.status) ?? .pending {
        case .admitted: return member
        case .declined:
            throw AppError.validation([FieldError(field: field, code: "member-not-covered", message: "پزشک بیمه‌گر این بیمه‌شده را نپذیرفته است؛ زیر پوشش نیست.")])
        default:
            throw AppError.validation([FieldError(field: field, code: "member-not-admitted", message: "ارزیابی پزشکی این بیمه‌شده تمام نشده است؛ هنوز پذیرفته نشده است.")])
        }
    }

    /// R-CL-12: one day's deaths of different members are different losses.
    func isSameLoss(_ earlier: Claim, facts: ClaimFacts, on db: any Database) async throws -> Bool {
        guard let record = try await LifeClaimRecord.of(earlier, on: db), let claimed = try? read(facts) else { return true }
        return record.memberRow == claimed.row
    }

    /// The sum insured per person and whether the accident cover was bought, from the policy.
    func basis(of policy: Policy) throws -> (sumInsured: Rial, accident: Bool) {
        if namesMember {
            let inputs = try StoredJSON.decode(GroupLifeInputs.self, from: policy.inputs, what: "policy.inputs")
            return (inputs.sumInsured, inputs.covers.contains(.accidentalDeath))
        }
        let inputs = try StoredJSON.decode(TermLifeInputs.self, from: policy.inputs, what: "policy.inputs")
        return (inputs.sumInsured, false)
    }

    func record(_ facts: ClaimFacts, for claim: Claim, in work: UnitOfWork) async throws {
        let claimed = try read(facts)
        let policy = try await claim.$policy.get(on: work.db)
        // asked again now that the notice holds the registers' locks: a concurrent notice for the
        // same person that committed meanwhile is seen here (PostgreSQL), not as a unique violation
        try await checkNotClaimed(claimed.row, of: policy, on: work.db)
        let (sum, accident) = try basis(of: policy)
        let record = LifeClaimRecord()
        record.id = try claim.requireID()
        record.$policy.id = try policy.requireID()
        record.memberRow = claimed.row
        if namesMember {
            let member = try await Self.member(claimed.row, of: policy, diedOn: try JalaliDate(parsing: claim.lossDate), on: work.db)
            record.memberName = "\(member.firstName) \(member.lastName)"
        } else {
            record.memberName = try await policy.$customer.get(on: work.db).displayName
        }
        record.cause = claimed.cause.rawValue
        record.coverStart = policy.startDate
        record.sumInsured = sum.amount
        record.accidentCover = accident
        try await record.create(on: work.db)
    }

    func claimFacts(_ claim: Claim, on db: any Database) async throws -> [ClaimFactView] {
        guard let record = try await LifeClaimRecord.of(claim, on: db) else { return [] }
        let cause = DeathCause(rawValue: record.cause)
        var facts: [ClaimFactView] = []
        if namesMember {
            facts.append(ClaimFactView(name: LifeClaimFacts.memberRow, label: "بیمه‌شدهٔ متوفی",
                                       value: "ردیف \(record.memberRow) — \(record.memberName ?? "")"))
        } else {
            facts.append(ClaimFactView(name: "insured", label: "بیمه‌شدهٔ متوفی", value: record.memberName ?? ""))
        }
        facts.append(ClaimFactView(name: LifeClaimFacts.cause, label: "علت فوت", value: cause?.title ?? record.cause))
        facts.append(ClaimFactView(name: "sumInsured", label: "سرمایهٔ فوت", value: String(record.sumInsured), amount: record.sumInsured))
        if try excluded(claim, record) {
            facts.append(ClaimFactView(name: LifeClaimFacts.exclusion, label: "استثنا (خودکشی در سه سال نخست)", value: LifeClaimFacts.suicideExcluded))
        }
        return facts
    }

    func excluded(_ claim: Claim, _ record: LifeClaimRecord) throws -> Bool {
        guard let cause = DeathCause(rawValue: record.cause) else { return false }
        return LifeClaimRules.isExcluded(cause: cause, deathDate: try JalaliDate(parsing: claim.lossDate), coverStart: try JalaliDate(parsing: record.coverStart))
    }

    /// R-GL-10, R-IL-02: a suicide in the first three years of cover ends the file with a letter.
    func refusal(for claim: Claim, policy: Policy, on db: any Database) async throws -> String? {
        guard let record = try await LifeClaimRecord.of(claim, on: db), try excluded(claim, record) else { return nil }
        return "خودکشی در سه سال نخست بیمه (از \(Normalize.persianDigits(record.coverStart))) از تعهد بیمه‌گر مستثناست (\(namesMember ? "R-GL-10" : "R-IL-02"))"
    }

    /// The benefit is the sum insured, not an expert's figure; nothing is salvaged.
    var assessmentFields: AssessmentFields {
        AssessmentFields(lossLabel: "سرمایهٔ قابل پرداخت (ریال، برابر سرمایهٔ فوت و حادثهٔ پرونده)", salvage: false)
    }

    /// R-GL-11: the claims expert confirms the benefit the file computes; another figure is refused.
    func checkAssessment(_ claim: Claim, loss: Rial, on db: any Database) async throws {
        guard let found = try await benefit(claim, on: db) else { return }
        let total = try Rial.sum(found.lines.map(\.amount))
        guard loss == total else {
            throw AppError.validation([FieldError(field: "loss", code: "loss-not-benefit",
                                                  message: "سرمایهٔ قابل پرداخت این پرونده \(total.persianFormatted) ریال است.")])
        }
    }

    /// R-GL-12 (R-IL-02): `death`, and `accidental-death` for an accident when bought.
    func benefit(_ claim: Claim, on db: any Database) async throws -> (lines: [QuoteLine], record: LifeClaimRecord)? {
        guard let record = try await LifeClaimRecord.of(claim, on: db), let cause = DeathCause(rawValue: record.cause) else { return nil }
        let lines = LifeClaimRules.benefit(sumInsured: Rial(amount: record.sumInsured), covers: record.accidentCover ? [.death, .accidentalDeath] : [.death],
                                           cause: cause, deathDate: try JalaliDate(parsing: claim.lossDate),
                                           coverStart: try JalaliDate(parsing: record.coverStart))
        let rule = namesMember ? "R-GL-12" : "R-IL-02"
        return (lines.map { QuoteLine(code: $0.code, rule: rule, label: $0.label, amount: $0.amount) }, record)
    }

    /// The benefit lines; an approved late notice's agreed amount below them adds a negative
    /// `late-notice-agreed` line (R-CL-03), so that the payable is the sum of the lines.
    func settlement(_ claim: Claim, policy: Policy, on db: any Database) async throws -> Settlement? {
        guard let found = try await benefit(claim, on: db) else { return nil }
        var lines = found.lines
        let approved = try Rial.sum(lines.map(\.amount))
        if let agreed = try await LateNoticeCommission.agreedAmount(claim, on: db), agreed < approved {
            lines.append(QuoteLine(code: "late-notice-agreed", rule: "R-CL-03", label: "مبلغ مورد توافق کمیسیون اعلام تأخیر",
                                   amount: try agreed.subtracting(approved)))
        }
        return Settlement(lines: lines, approved: approved, payable: try Rial.sum(lines.map(\.amount)))
    }
}
