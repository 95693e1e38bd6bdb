import Fluent
import Foundation
import InsuranceKit
import SQLKit

/// The group life contract on the server (R-GL-03/04/05): its number from the contract register
/// and its member list with each member's underwriting. Every step runs in one transaction.
enum GroupLifeDesk {
    /// R-GL-03, R-G-06: the contract register (دفتر قرارداد), gapless per Jalali year.
    static let contractRegister = RegisterName(rawValue: "group-life-contract")
    /// Rows per INSERT: keeps one statement's parameters under SQLite's 32,766.
    static let insertChunk = 1_000

    /// The registered group-life policy `id` visible to `principal`; 422 for another product.
    static func policy(_ id: UUID?, for principal: Principal, on db: any Database) async throws -> Policy {
        let policy = try await PolicyAccess.policy(id, for: principal, on: db)
        guard policy.product == GroupLife().code else {
            throw AppError.validation([FieldError(field: "id", code: "not-a-group-life-contract",
                                                  message: "این بیمه‌نامه قرارداد بیمهٔ عمر گروهی نیست.")])
        }
        return policy
    }

    static func contract(of policyID: UUID, on db: any Database) async throws -> GroupLifeContractRecord? {
        try await GroupLifeContractRecord.query(on: db).filter(\.$policy.$id == policyID).first()
    }

    /// R-GL-03: numbers the signed contract of a registered group-life policy, once, before
    /// payment: `{serial}/{agencyCode}/{complexCode}/{year}`, serial 600000 + the register's count.
    static func numberContract(policyID: UUID?, principal: Principal, in work: UnitOfWork) async throws -> GroupLifeContractRecord {
        let policy = try await policy(policyID, for: principal, on: work.db)
        let id = try policy.requireID()
        guard policy.status == .registered else {
            throw AppError(.conflict, code: "contract-after-registration", detail: "شمارهٔ قرارداد پیش از پرداخت و صدور گرفته می‌شود؛ این بیمه‌نامه دیگر در مرحلهٔ ثبت نیست.")
        }
        if try await contract(of: id, on: work.db) != nil {
            throw AppError(.conflict, code: "contract-already-numbered", detail: "این قرارداد پیش‌تر شماره گرفته است.")
        }
        return try await number(policy, in: work)
    }

    /// The next number of the contract register for `policy`, stored and audited (R-GL-03, and
    /// R-GL-12 for a renewal).
    static func number(_ policy: Policy, in work: UnitOfWork) async throws -> GroupLifeContractRecord {
        let id = try policy.requireID()
        let (agencyCode, complexCode) = try await codes(of: policy, on: work.db)
        let today = JalaliDate(date: work.now)
        let serial = GroupContractNumber.serial(forRegisterNumber: try await work.nextNumber(contractRegister, year: today.year))
        let number = try DomainErrorMapping.validating(defaultField: "id") {
            try GroupContractNumber(serial: serial, agencyCode: agencyCode, complexCode: complexCode, year: today.year)
        }
        let record = GroupLifeContractRecord()
        record.$policy.id = id
        record.number = number.description
        record.serial = number.serial
        record.year = number.year
        record.agencyCode = number.agencyCode
        record.complexCode = number.complexCode
        record.contractDate = today.description
        try await record.create(on: work.db)
        try await work.audit("group-life.contract-numbered", entity: "policy", id: id.uuidString,
                             after: ["number": record.number, "contractDate": record.contractDate])
        return record
    }

    /// The introducing agency's code and complex; a direct sale has no agency code (9995) and
    /// takes the complex of the persons department (life issuance), else the first complex.
    static func codes(of policy: Policy, on db: any Database) async throws -> (String?, String) {
        if let agencyID = policy.$agency.id, let agency = try await Agency.query(on: db).filter(\.$id == agencyID).with(\.$complex).first() {
            return (agency.code, agency.complex.code)
        }
        if let department = try await Department.query(on: db).filter(\.$kind == .persons).with(\.$complex).first() {
            return (nil, department.complex.code)
        }
        guard let complex = try await Complex.query(on: db).sort(\.$code).first() else {
            throw AppError.validation([FieldError(field: "id", code: "invalid-complex-code", message: "هیچ مجتمعی تعریف نشده است؛ کد مجتمع قرارداد معلوم نیست.")])
        }
        return (nil, complex.code)
    }

    struct Listed: Sendable {
        var rows: [(row: Int, underwriting: GroupUnderwriting)]
    }

    /// R-GL-04/05: the member list, once, within 15 days of the contract (`member-list-late`);
    /// every bad row is reported and nothing is stored; each member is underwritten by T-GL-EXAM.
    static func listMembers(policyID: UUID?, body: Data, principal: Principal, in work: UnitOfWork) async throws -> Listed {
        let policy = try await policy(policyID, for: principal, on: work.db)
        let id = try policy.requireID()
        guard let contract = try await contract(of: id, on: work.db) else {
            throw AppError(.conflict, code: "contract-not-numbered", detail: "پیش از فهرست بیمه‌شدگان، قرارداد باید شماره بگیرد.")
        }
        if try await GroupLifeMemberRecord.query(on: work.db).filter(\.$policy.$id == id).count() > 0 {
            throw AppError(.conflict, code: "member-list-already-sent",
                           detail: "فهرست بیمه‌شدگان این قرارداد پیش‌تر ثبت شده است؛ افزودن بیمه‌شده با الحاقیه انجام می‌شود.")
        }
        let today = JalaliDate(date: work.now)
        let start = try JalaliDate(parsing: policy.startDate)
        let inputs = try StoredJSON.decode(GroupLifeInputs.self, from: policy.inputs, what: "policy.inputs")
        let tariff = try LifeTariff.forYear(start.year)
        let members = try DomainErrorMapping.validating(defaultField: "members") {
            try GroupMemberListDeadline.check(contractReceived: try JalaliDate(parsing: contract.contractDate), listDate: today)
            return try GroupMemberList.parse(body, today: today)
        }
        let underwriting = GroupMemberList.underwrite(members, sumInsured: inputs.sumInsured, start: start, rules: tariff.groupExam)
        try await insert(members, underwriting: underwriting, policyID: id, on: work.db)
        let counts = Dictionary(grouping: underwriting, by: \.rawValue).mapValues(\.count)
        try await work.audit("group-life.members-listed", entity: "policy", id: id.uuidString,
                             after: ["members": String(members.count), "accepted": String(counts["accepted"] ?? 0),
                                     "questionnaire": String(counts["questionnaire"] ?? 0), "examination": String(counts["examination"] ?? 0)])
        return Listed(rows: underwriting.enumerated().map { ($0.offset + 1, $0.element) })
    }
}

extension GroupLifeDesk {
    static let memberColumns = ["id", "policy_id", "row", "first_name", "last_name", "birth_date", "birth_certificate_number",
                                "place_of_issue", "job_title", "national_code", "underwriting", "status"]

    /// One multi-row INSERT per chunk: a 10,000-member list is ten statements, not 10,000 models.
    static func insert(_ members: [GroupMember], underwriting: [GroupUnderwriting], policyID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        var offset = 0
        while offset < members.count {
            let end = min(offset + insertChunk, members.count)
            var insert = sql.insert(into: GroupLifeMemberRecord.schema).columns(memberColumns)
            for index in offset..<end {
                let member = members[index]
                let values: [any Encodable & Sendable] = [
                    UUID(), policyID, index + 1, member.firstName, member.lastName, member.birthDate.description,
                    member.birthCertificateNumber, member.issuePlace, member.jobTitle, member.nationalCode,
                    underwriting[index].rawValue, MemberStanding(MemberAdmission.initial(underwriting[index])).rawValue,
                ]
                insert = insert.values(values)
            }
            try await insert.run()
            offset = end
        }
    }
}

/// How a member's admission is stored.
enum MemberStanding: String, Sendable {
    case admitted, pending, referred, declined

    init(_ admission: MemberAdmission) {
        switch admission {
        case .admitted: self = .admitted
        case .pending(let referred): self = referred ? .referred : .pending
        case .declined: self = .declined
        }
    }
}
