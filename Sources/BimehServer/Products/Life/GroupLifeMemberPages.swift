import Fluent
import Foundation
import InsuranceKit
import Vapor

/// R-GL-04…06 on the web: the member list uploaded as CSV (the API's command; every bad row
/// named by its line, nothing stored), the members with their underwriting, the doctor's
/// outcome per member (the API's command), and the papers: the list of persons needing medical
/// review for the policyholder, the examining doctor's report form, the introduction letter to
/// the insurer's hospital.
struct GroupLifeMemberPages: RouteCollection {
    /// Members shown on the page; a large group's others are reached by their row.
    static let shownMembers = 500

    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.grouped(RequireRole(PolicyAccess.readers, web: true))
        readers.get(.groupLifeMembers(.key), use: members)
        readers.get(.groupLifeMedicalReview(.key), use: medicalReview)
        readers.get(.groupLifeReportForm(.key, .key), use: reportForm)
        readers.get(.groupLifeHospitalLetter(.key, .key), use: hospitalLetter)
        let issuers = routes.grouped(RequireRole([.issuer], web: true))
        issuers.upload(.groupLifeMembers(.key), limit: GroupLifeController.maxMemberListBody, use: upload)
        issuers.post(.groupLifeOutcome(.key, .key), use: outcome)
    }

    struct UploadForm: Content {
        var members: File?
    }

    /// The CSV becomes the API's `{members:[…]}` and goes through the same command.
    @Sendable func upload(req: Request) async throws -> Response {
        let form = (try? req.content.decode(UploadForm.self)) ?? UploadForm()
        let id = req.parameters.get("id", as: UUID.self)
        let file = form.members.map { Data($0.data.readableBytesView) } ?? Data()
        return try await PolicyPages().act(req, done: "members", before: { _ in try UploadLimit.refuseOversize(req, field: "members") }) { principal, work in
            guard !file.isEmpty else {
                throw AppError.validation([FieldError(field: "members", code: "required", message: "پروندهٔ CSV فهرست بیمه‌شدگان را انتخاب کنید.")])
            }
            switch GroupMemberCSV.body(file) {
            case .rejected(let rows):
                throw AppError.validation(rows.map(Self.lineError))
            case .body(let body, let lines):
                do { _ = try await GroupLifeDesk.listMembers(policyID: id, body: body, principal: principal, in: work) } catch let error as AppError {
                    throw Self.byLine(error, lines: lines)
                }
            }
        }
    }

    static func lineError(_ row: RowRejection) -> FieldError {
        FieldError(field: "members", code: row.code, message: "سطر \(Normalize.persianDigits(String(row.lineNumber))): \(row.reason)")
    }

    /// `members[i].birthDate` is the i-th row's line of the file.
    static func byLine(_ error: AppError, lines: [Int]) -> AppError {
        var error = error
        error.errors = error.errors.map { e in
            guard let line = GroupMemberCSV.lineNumber(ofPath: e.field, lines: lines) else { return e }
            let column = e.field.split(separator: ".", maxSplits: 1).dropFirst().first.map { " (ستون \($0))" } ?? ""
            return FieldError(field: "members", code: e.code, message: "سطر \(Normalize.persianDigits(String(line)))\(column): \(e.message)")
        }
        return error
    }

    // MARK: the members page

    struct MemberRow: Encodable {
        var row: Int
        var name: String
        var birthDate: String
        var jobTitle: String
        var underwriting: String
        var standing: String
        var extraPercent: String?
        var underReview: Bool
        var referred: Bool
        var outcomeAction: String
        var reportHref: String?
        var hospitalHref: String?
        /// The row whose outcome form was refused: it comes back as typed, its messages beside it.
        var failed = false
        var typedOutcome = ""
        var typedExtra = ""
    }

    struct MembersContext: Encodable {
        var chrome: PageChrome
        var heading: GroupLifePages.Heading
        var rows: [MemberRow]
        var total: Int
        var canDecide: Bool
        var maxExtra: String
        var reviewHref: String
        var finalHref: String
        var errors: [PageError]
        var notice: String?
    }

    static func rows(_ members: [GroupLifeMemberRecord], policyID: UUID) -> [MemberRow] {
        members.map { m in
            let standing = MemberStanding(rawValue: m.status)
            let review = standing == .pending || standing == .referred
            return MemberRow(row: m.row, name: "\(m.firstName) \(m.lastName)", birthDate: m.birthDate, jobTitle: m.jobTitle,
                             underwriting: GroupUnderwriting(rawValue: m.underwriting)?.title ?? m.underwriting,
                             standing: GroupLifePages.standingTitle(m.status), extraPercent: m.extraPercent, underReview: review,
                             referred: standing == .referred, outcomeAction: SiteURL.groupLifeOutcome(.value(policyID), .value(m.row)).path,
                             reportHref: m.underwriting == GroupUnderwriting.accepted.rawValue ? nil : SiteURL.groupLifeReportForm(.value(policyID), .value(m.row)).path,
                             hospitalHref: standing == .referred ? SiteURL.groupLifeHospitalLetter(.value(policyID), .value(m.row)).path : nil)
        }
    }

    @Sendable func members(req: Request) async throws -> Response {
        let policy = try await GroupLifeDesk.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        return try await render(req, policy, errors: [], notice: req.query[String.self, at: "done"] == "outcome" ? "نتیجهٔ پزشکی ثبت شد." : nil, status: .ok)
    }

    private func render(_ req: Request, _ policy: Policy, errors: [PageError], notice: String?, refused: (row: Int?, form: OutcomeForm)? = nil,
                        status: HTTPResponseStatus) async throws -> Response {
        let id = try policy.requireID()
        let query = GroupLifeMemberRecord.query(on: req.db).filter(\.$policy.$id == id)
        let total = try await query.count()
        // those awaiting the doctor first, then the list in row order
        let review = try await GroupLifeMemberRecord.query(on: req.db).filter(\.$policy.$id == id)
            .filter(\.$status ~~ [MemberStanding.pending.rawValue, MemberStanding.referred.rawValue]).sort(\.$row).limit(Self.shownMembers).all()
        let others = try await GroupLifeMemberRecord.query(on: req.db).filter(\.$policy.$id == id)
            .filter(\.$status !~ [MemberStanding.pending.rawValue, MemberStanding.referred.rawValue]).sort(\.$row)
            .limit(max(0, Self.shownMembers - review.count)).all()
        let tariff = try LifeTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        let issuer = try req.principal.role == .issuer
        var rows = Self.rows(review + others, policyID: id)
        if let refused, let index = rows.firstIndex(where: { $0.row == refused.row }) {
            rows[index].failed = true
            rows[index].typedOutcome = refused.form.outcome ?? ""
            rows[index].typedExtra = refused.form.extraPercent ?? ""
        }
        let context = MembersContext(
            chrome: PageChrome(req, title: "بیمه‌شدگان قرارداد عمر گروهی"), heading: try await GroupLifePages.heading(policy, on: req.db),
            rows: rows, total: total,
            canDecide: policy.status == .registered && issuer, maxExtra: tariff.maxExtraPercent.description,
            reviewHref: SiteURL.groupLifeMedicalReview(.value(id)).path, finalHref: SiteURL.groupLifeFinalPremium(.value(id)).path,
            errors: errors, notice: notice)
        return try await req.page("life/members", context, status: status)
    }

    struct OutcomeForm: Content {
        var outcome: String?
        var extraPercent: String?
    }

    /// R-GL-06: the doctor's outcome (`POST /api/v1/policies/{id}/members/{row}/underwriting`).
    @Sendable func outcome(req: Request) async throws -> Response {
        let principal = try req.principal
        let id = req.parameters.get("id", as: UUID.self)
        let row = req.parameters.get("row", as: Int.self)
        let form = (try? req.content.decode(OutcomeForm.self)) ?? OutcomeForm()
        let policy = try await GroupLifeDesk.policy(id, for: principal, on: req.db)
        do {
            var percent: Percent?
            if let raw = form.extraPercent, !Normalize.text(raw).isEmpty {
                do { percent = try Percent(parsing: raw) } catch let e as DomainError { throw AppError.validation(e, field: "extraPercent") }
            }
            let body = GroupLifeUnderwritingDesk.Outcome(outcome: form.outcome, extraPercent: form.outcome == "extra" ? percent : nil)
            let once = FormOnce.token(in: req)
            _ = try await req.write { work in
                try await FormOnce.consume(once, userID: principal.userID, in: work)
                return try await GroupLifeUnderwritingDesk.record(body, policyID: id, row: row, principal: principal, in: work)
            }
            return req.redirect(to: SiteURL.groupLifeMembers(.value(try policy.requireID())).path + "?done=outcome")
        } catch let error as AppError where error.status.code < 500 {
            return try await render(req, policy, errors: PageError.list(error), notice: nil, refused: (row, form), status: error.status)
        }
    }

    // MARK: papers

    struct ReviewContext: Encodable {
        var chrome: PageChrome
        var heading: GroupLifePages.Heading
        var rows: [MemberRow]
        var today: String
    }

    /// R-GL-05: the persons T-GL-EXAM sends to a questionnaire or an examination, for the policyholder.
    @Sendable func medicalReview(req: Request) async throws -> Response {
        let policy = try await GroupLifeDesk.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        let id = try policy.requireID()
        let members = try await GroupLifeMemberRecord.query(on: req.db).filter(\.$policy.$id == id)
            .filter(\.$underwriting != GroupUnderwriting.accepted.rawValue).sort(\.$row).all()
        let context = ReviewContext(chrome: PageChrome(req, title: "فهرست بیمه‌شدگان نیازمند بررسی پزشکی"),
                                    heading: try await GroupLifePages.heading(policy, on: req.db), rows: Self.rows(members, policyID: id),
                                    today: req.bimeh.clock.today().description)
        return try await req.page("life/medical-review", context)
    }

    struct MemberPaper: Encodable {
        var chrome: PageChrome
        var heading: GroupLifePages.Heading
        var member: MemberRow
        var birthCertificateNumber: String
        var issuePlace: String
        var nationalCode: String?
        var sumInsured: Int64
        var today: String
    }

    private func memberPaper(_ req: Request, template: String, title: String, referredOnly: Bool) async throws -> Response {
        let policy = try await GroupLifeDesk.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        let id = try policy.requireID()
        guard let row = req.parameters.get("row", as: Int.self),
              let member = try await GroupLifeMemberRecord.query(on: req.db).filter(\.$policy.$id == id).filter(\.$row == row).first() else {
            throw AppError.notFound("بیمه‌شدهٔ این ردیف")
        }
        if referredOnly, member.status != MemberStanding.referred.rawValue {
            throw AppError.conflict("member-not-referred", "این بیمه‌شده برای آزمایش‌های بیشتر به بیمارستان ارجاع نشده است.")
        }
        let context = MemberPaper(chrome: PageChrome(req, title: title), heading: try await GroupLifePages.heading(policy, on: req.db),
                                  member: Self.rows([member], policyID: id)[0], birthCertificateNumber: member.birthCertificateNumber,
                                  issuePlace: member.issuePlace, nationalCode: member.nationalCode, sumInsured: policy.sumInsured,
                                  today: req.bimeh.clock.today().description)
        return try await req.page(template, context)
    }

    /// R-GL-05: the examining doctor's report form (name, birth date, job) for one member.
    @Sendable func reportForm(req: Request) async throws -> Response {
        try await memberPaper(req, template: "life/report-form", title: "فرم گزارش پزشک معاینه‌کننده", referredOnly: false)
    }

    /// R-GL-06: more tests: the introduction letter to the insurer's hospital.
    @Sendable func hospitalLetter(req: Request) async throws -> Response {
        try await memberPaper(req, template: "life/hospital-letter", title: "معرفی‌نامه به بیمارستان", referredOnly: true)
    }
}
