import Fluent
import Foundation
import InsuranceKit
import SQLKit

/// The group life contract on its policy page: where the file stands (contract number, member
/// list, underwriting, final premium), its printable papers, and the form of the next step.
enum GroupLifePolicyPanel {
    /// How many members stand where: `status` → count, and `underwriting` of those under review.
    struct Tally: Sendable {
        var admitted = 0, pending = 0, referred = 0, declined = 0
        var total: Int { admitted + pending + referred + declined }
        var underReview: Int { pending + referred }
    }

    static func tally(_ policyID: UUID, on db: any Database) async throws -> Tally {
        guard let sql = db as? any SQLDatabase else { return Tally() }
        let rows = try await sql.raw("SELECT status, COUNT(*) AS members FROM group_life_members WHERE policy_id = \(bind: policyID) GROUP BY status").all()
        var tally = Tally()
        for row in rows {
            let count = try row.decode(column: "members", as: Int.self)
            switch MemberStanding(rawValue: try row.decode(column: "status", as: String.self)) {
            case .admitted: tally.admitted += count
            case .pending: tally.pending += count
            case .referred: tally.referred += count
            case .declined, nil: tally.declined += count
            }
        }
        return tally
    }

    static func fa(_ n: Int) -> String { Normalize.persianDigits(String(n)) }

    static func section(_ policy: Policy, on db: any Database) async throws -> ProductSection {
        let id = try policy.requireID()
        let contract = try await GroupLifeDesk.contract(of: id, on: db)
        let tally = try await tally(id, on: db)
        let final = try await GroupLifeFinalPremiumDesk.record(of: id, on: db)
        var section = ProductSection(title: "قرارداد بیمهٔ عمر زمانی گروهی")
        if let contract, let date = try? JalaliDate(parsing: contract.contractDate) {
            section.facts.append(.init(label: "شمارهٔ قرارداد", value: contract.number))
            section.facts.append(.init(label: "تاریخ بازگشت قرارداد امضاشده", value: contract.contractDate))
            if tally.total == 0 {
                section.facts.append(.init(label: "مهلت فهرست بیمه‌شدگان", value: GroupMemberListDeadline.deadline(contractReceived: date).description))
            }
        } else {
            section.facts.append(.init(label: "شمارهٔ قرارداد", value: "پس از بازگشت قرارداد امضاشده از دفتر قرارداد"))
        }
        if tally.total > 0 {
            section.facts.append(.init(label: "بیمه‌شدگان",
                                       value: "\(fa(tally.total)) نفر: پذیرفته \(fa(tally.admitted))، در انتظار نظر پزشک \(fa(tally.pending))، ارجاع به بیمارستان \(fa(tally.referred))، ردشده \(fa(tally.declined))"))
        }
        if let final {
            let endorsement = try await final.$endorsement.get(on: db)
            section.facts.append(.init(label: "حق بیمهٔ قطعی",
                                       value: "\(Rial(amount: final.total).persianFormatted) ریال برای \(fa(final.admitted)) نفر — الحاقیهٔ شمارهٔ \(fa(endorsement.number)) (\(final.settledOn))"))
        }
        section.links.append(.init(label: "طرح پیشنهادی (نامهٔ طرح)", href: SiteURL.groupLifePlanLetter(.value(policy.$quote.id)).path))
        section.links.append(.init(label: "چاپ قرارداد اولیه", href: SiteURL.groupLifeContract(.value(id)).path))
        let reviewed = tally.total > 0 ? try await needingReview(id, on: db) : 0
        if tally.total > 0 {
            section.links.append(.init(label: "بیمه‌شدگان و نتیجهٔ پزشکی", href: SiteURL.groupLifeMembers(.value(id)).path))
            if reviewed > 0 {
                section.links.append(.init(label: "چاپ فهرست نیازمند بررسی پزشکی", href: SiteURL.groupLifeMedicalReview(.value(id)).path))
            }
            section.links.append(.init(label: "چاپ نامهٔ حق بیمهٔ قطعی", href: SiteURL.groupLifeFinalPremium(.value(id)).path))
        }
        guard policy.status == .registered else { return section }
        if contract == nil {
            section.forms.append(.init(title: "بازگشت قرارداد امضاشده", action: SiteURL.groupLifeContractNumber(.value(id)).path,
                                       button: "ثبت بازگشت و گرفتن شمارهٔ قرارداد",
                                       note: "شماره از دفتر قرارداد گرفته می‌شود (از ۶۰۰۰۰۰ در هر سال؛ کد نمایندگی ۹۹۹۵ در فروش مستقیم). فهرست بیمه‌شدگان تا ۱۵ روز پس از آن می‌رسد."))
        } else if tally.total == 0 {
            section.forms.append(.init(title: "فهرست بیمه‌شدگان (پروندهٔ CSV)", action: SiteURL.groupLifeMembers(.value(id)).path,
                                       button: "بارگذاری فهرست و ارزیابی پزشکی",
                                       note: "سطر نخست: \(GroupMemberCSV.header) — ردیف هر سطر شمارهٔ بیمه‌شده است (۱ تا n). هر سطر نادرست با شماره و علت گزارش می‌شود و تا درست شدن همهٔ پرونده چیزی ثبت نمی‌شود.",
                                       file: .init(name: "members", label: "پروندهٔ فهرست بیمه‌شدگان")))
        } else if final == nil {
            section.forms.append(.init(title: "حق بیمهٔ قطعی", action: SiteURL.groupLifeFinalPremium(.value(id)).path,
                                       button: "صدور الحاقیهٔ حق بیمهٔ قطعی",
                                       note: "حق بیمهٔ \(fa(tally.admitted)) بیمه‌شدهٔ پذیرفته‌شده (اضافه‌نرخ‌ها جدا) جای حق بیمهٔ ثبت‌شده را می‌گیرد؛ بیمه‌شدگان ردشده یا در انتظار پزشک در آن نیستند. سپس بیمه‌گذار آن را با چک می‌پردازد."))
        }
        return section
    }

    /// Members T-GL-EXAM sent to a questionnaire or an examination.
    static func needingReview(_ policyID: UUID, on db: any Database) async throws -> Int {
        try await GroupLifeMemberRecord.query(on: db).filter(\.$policy.$id == policyID)
            .filter(\.$underwriting != GroupUnderwriting.accepted.rawValue).count()
    }
}

extension GroupLifeHooks {
    /// The contract's card, and once issued the member endorsement page (R-GL-09).
    func policyPanel(_ policy: Policy, on db: any Database) async throws -> PolicyPanel {
        var panel = PolicyPanel(section: try await GroupLifePolicyPanel.section(policy, on: db))
        if policy.status == .issued, let id = policy.id {
            panel.pages = [PersonsPanel.Letter(label: "الحاقیهٔ افزودن یا حذف بیمه‌شدگان", href: GroupLifeMemberChangePages.url(.value(id)).path)]
        }
        return panel
    }

    /// R-GL-08: customer, accounting, the introducing agency when there is one, issuance archive.
    func receiptPaper(_ policy: Policy, payment: Payment, on db: any Database) async throws -> ReceiptPaper {
        var copies = ["نسخهٔ بیمه‌گذار", "نسخهٔ ادارهٔ حسابداری"]
        if let agencyID = policy.$agency.id, let agency = try await Agency.find(agencyID, on: db) {
            copies.append("نسخهٔ نمایندگی معرفی‌کننده (\(agency.name))")
        }
        copies.append("نسخهٔ بایگانی صدور")
        guard let id = policy.id, let contract = try await GroupLifeDesk.contract(of: id, on: db) else { return ReceiptPaper(copies: copies) }
        // the contract's own premium is the final one once settled; an endorsement's is its own
        let settled = try await GroupLifeFinalPremiumDesk.record(of: id, on: db) != nil
        let final = payment.$endorsement.id == nil && settled
        let what = payment.$endorsement.id != nil ? "حق بیمهٔ الحاقیهٔ" : final ? "حق بیمهٔ قطعی" : "حق بیمهٔ"
        return ReceiptPaper(copies: copies, subject: "\(what) قرارداد بیمهٔ عمر زمانی گروهی شمارهٔ \(contract.number)")
    }
}

extension GroupLifeHooks {
    /// R-GL-02: the plan letter of a group-life quote, with the customer's answer.
    func quoteLinks(_ quote: Quote) throws -> [ProductSection.Link] {
        [ProductSection.Link(label: "طرح پیشنهادی (نامهٔ طرح) و پاسخ بیمه‌گذار", href: SiteURL.groupLifePlanLetter(.value(try quote.requireID())).path)]
    }
}
