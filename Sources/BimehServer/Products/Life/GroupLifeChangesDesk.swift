import Fluent
import Foundation
import InsuranceKit

/// R-GL-09/12/13: a group life contract's members changed by endorsement, its cancellation by
/// months and its renewal with the active members. The generic desks call these through the hooks.
enum GroupLifeChangesDesk {
    /// What an endorsement keeps to apply when it takes effect (`Endorsement.productChanges`).
    struct Record: Codable, Sendable {
        var added: [GroupMember]
        var removedRows: [Int]
    }

    static func members(of policyID: UUID, on db: any Database) async throws -> [GroupLifeMemberRecord] {
        try await GroupLifeMemberRecord.query(on: db).filter(\.$policy.$id == policyID).sort(\.$row).all()
    }

    /// `finalPremiumSettled`: the contract's premium was moved to its admitted members (R-GL-07), so
    /// only they and members added since were charged; otherwise the estimate charged every row.
    static func listed(_ records: [GroupLifeMemberRecord], finalPremiumSettled: Bool) throws -> [ListedMember] {
        try records.map { record in
            let member = GroupMember(firstName: record.firstName, lastName: record.lastName, birthDate: try JalaliDate(parsing: record.birthDate),
                                     birthCertificateNumber: record.birthCertificateNumber, issuePlace: record.issuePlace,
                                     jobTitle: record.jobTitle, nationalCode: record.nationalCode)
            let charged = !finalPremiumSettled || record.status == MemberStanding.admitted.rawValue || record.addedBy != nil
            return ListedMember(row: record.row, member: member, extra: try record.extraPercent.map { try Percent(parsing: $0) } ?? .zero,
                                removed: record.removedOn != nil, charged: charged)
        }
    }

    static func premium(of policy: Policy) throws -> (GroupLifeInputs, GroupLifePremium) {
        let inputs = try StoredJSON.decode(GroupLifeInputs.self, from: policy.inputs, what: "policy.inputs")
        let tariff = try LifeTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        guard let klass = tariff.groupClass(inputs.occupationalClass) else { throw AppError.notFound("طبقهٔ شغلی قرارداد") }
        return (inputs, GroupLifePremium(sumInsured: inputs.sumInsured, occupationalClass: klass, covers: inputs.covers))
    }

    /// R-GL-09: `{addMembers}` or `{removeRows}` checked against the list and priced by months;
    /// the contract's member count follows the active list.
    static func price(_ policy: Policy, changes: Data, effective: JalaliDate, term: PolicyTerm, on db: any Database) async throws -> PricedEndorsement {
        let records = try await members(of: try policy.requireID(), on: db)
        let listed = try listed(records, finalPremiumSettled: try await GroupLifeFinalPremiumDesk.record(of: try policy.requireID(), on: db) != nil)
        let (inputs, premium) = try premium(of: policy)
        let change = try GroupMemberChange.parse(changes, listed: listed, today: effective)
        let delta = try change.premiumDelta(premium, listed: listed, term: term, effective: effective)
        let annual = try Rial(amount: policy.annualPremium).adding(try change.annualChange(premium, listed: listed))
        var after = inputs
        let active = listed.filter { !$0.removed && $0.charged }.count
        after.members = max(1, (active > 0 ? active : inputs.members) + change.memberCountChange)
        let record: Record
        switch change {
        case .add(let added): record = Record(added: added, removedRows: [])
        case .remove(let rows): record = Record(added: [], removedRows: rows)
        }
        return PricedEndorsement(inputs: try after.canonicalJSON(), annualPremium: max(annual, .zero), sumInsured: policy.sumInsured,
                                 premiumDelta: delta, record: try JSONEncoder().encode(record))
    }

    /// The endorsement took effect: added members get the next rows, underwritten by T-GL-EXAM at
    /// their age on the effective day in the group as it now is; removed rows keep their place,
    /// marked with the endorsement and the day their cover ended.
    static func apply(_ endorsement: Endorsement, to policy: Policy, in work: UnitOfWork) async throws {
        guard let stored = endorsement.productChanges else { return }
        let record = try StoredJSON.decode(Record.self, from: stored, what: "endorsement.productChanges")
        let id = try policy.requireID()
        let effective = try JalaliDate(parsing: endorsement.effectiveDate)
        let records = try await members(of: id, on: work.db)
        for row in record.removedRows {
            guard let member = records.first(where: { $0.row == row }), member.removedOn == nil else { continue }
            member.removedBy = endorsement.number
            member.removedOn = effective.description
            try await member.save(on: work.db)
            try await work.audit("group-life.member-removed", entity: "policy", id: id.uuidString,
                                 after: ["row": String(row), "endorsement": String(endorsement.number), "removedOn": effective.description])
        }
        guard !record.added.isEmpty else { return }
        let (inputs, _) = try premium(of: policy)
        let tariff = try LifeTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        let groupSize = records.filter(\.inForce).count + record.added.count
        var next = (records.map(\.row).max() ?? 0) + 1
        for member in record.added {
            let underwriting = tariff.groupExam.underwriting(sumInsured: inputs.sumInsured,
                                                             age: LifeAge.completedYears(born: member.birthDate, on: effective), groupSize: groupSize)
            let row = GroupLifeMemberRecord(member, row: next, underwriting: underwriting, policyID: id)
            row.addedBy = endorsement.number
            row.addedOn = effective.description
            try await row.create(on: work.db)
            try await work.audit("group-life.member-added", entity: "policy", id: id.uuidString,
                                 after: ["row": String(next), "endorsement": String(endorsement.number), "underwriting": underwriting.rawValue,
                                         "addedOn": effective.description])
            next += 1
        }
    }

    /// R-GL-12: the renewed contract takes a new number from the contract register (the year of
    /// the renewal) and the old one's active members, renumbered 1…n in their old order with
    /// their underwriting and the doctor's outcome; removed and declined members stay behind.
    static func renewed(_ policy: Policy, from old: Policy, in work: UnitOfWork) async throws {
        let id = try policy.requireID()
        let contract = try await GroupLifeDesk.number(policy, in: work)
        let active = try await members(of: try old.requireID(), on: work.db).filter(\.inForce)
        for (index, member) in active.enumerated() {
            let row = GroupLifeMemberRecord()
            row.$policy.id = id
            row.row = index + 1
            row.firstName = member.firstName
            row.lastName = member.lastName
            row.birthDate = member.birthDate
            row.birthCertificateNumber = member.birthCertificateNumber
            row.issuePlace = member.issuePlace
            row.jobTitle = member.jobTitle
            row.nationalCode = member.nationalCode
            row.underwriting = member.underwriting
            row.status = member.status
            row.extraPercent = member.extraPercent
            try await row.create(on: work.db)
        }
        try await work.audit("group-life.members-carried", entity: "policy", id: id.uuidString,
                             after: ["from": try old.requireID().uuidString, "members": String(active.count), "contract": contract.number])
    }

    /// R-GL-12: the renewal is priced for the members in force (the request letter's count when
    /// no list was sent).
    static func renewalBasis(of old: Policy, on db: any Database) async throws -> RenewalBasis {
        var inputs = try StoredJSON.decode(GroupLifeInputs.self, from: old.inputs, what: "policy.inputs")
        let active = try await GroupLifeMemberRecord.query(on: db).filter(\.$policy.$id == old.requireID()).filter(\.$removedOn == nil)
            .filter(\.$status != MemberStanding.declined.rawValue).count()
        if active > 0 { inputs.members = active }
        return RenewalBasis(start: try JalaliDate(parsing: old.endDate), inputs: try inputs.canonicalJSON())
    }
}

extension GroupLifeMemberRecord {
    /// On the list and not declined by the doctor: counted in the group and carried to a renewal.
    var inForce: Bool { removedOn == nil && status != MemberStanding.declined.rawValue }

    convenience init(_ member: GroupMember, row: Int, underwriting: GroupUnderwriting, policyID: UUID) {
        self.init()
        $policy.id = policyID
        self.row = row
        firstName = member.firstName
        lastName = member.lastName
        birthDate = member.birthDate.description
        birthCertificateNumber = member.birthCertificateNumber
        issuePlace = member.issuePlace
        jobTitle = member.jobTitle
        nationalCode = member.nationalCode
        self.underwriting = underwriting.rawValue
        status = MemberStanding(MemberAdmission.initial(underwriting)).rawValue
    }
}
