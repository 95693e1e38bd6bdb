import Fluent
import Foundation
import InsuranceKit
import Vapor

/// R-GL-09 on the web: a group life contract's member endorsement. The issuer adds members from a
/// CSV file or typed rows, or ticks rows to remove; the same command as the API's
/// `POST /api/v1/policies/{id}/endorsements` with `changes: {addMembers} | {removeRows}`.
struct GroupLifeMemberChangePages: RouteCollection {
    static func url(_ id: Parameter<UUID>) -> SiteURL { .product(["policies", id.segment("id"), "member-changes"]) }
    static let rows = 3
    static let maxUpload: ByteCount = "32mb"
    /// The page lists this many active members; others are removed by typing their rows.
    static let listed = 500

    func boot(routes: any RoutesBuilder) throws {
        let issuers = routes.grouped(RequireRole([.issuer], web: true))
        issuers.get(Self.url(.key), use: form)
        issuers.upload(Self.url(.key), limit: Self.maxUpload, use: change)
    }

    struct AddRow: Content {
        var firstName: String?
        var lastName: String?
        var birthDate: String?
        var birthCertificateNumber: String?
        var issuePlace: String?
        var jobTitle: String?
        var nationalCode: String?

        var fields: [String: String] {
            var out: [String: String] = [:]
            for (key, value) in [("firstName", firstName), ("lastName", lastName), ("birthDate", birthDate),
                                 ("birthCertificateNumber", birthCertificateNumber), (GroupMemberList.issuePlaceField, issuePlace),
                                 ("jobTitle", jobTitle), ("nationalCode", nationalCode)] {
                let text = Normalize.text(value ?? "")
                if !text.isEmpty { out[key] = text }
            }
            return out
        }
    }

    struct Form: Content {
        var effectiveDate: String?
        var description: String?
        var remove: [String]?
        var removeRows: String?
        var add: [AddRow]?
        var members: File?
    }

    struct Member: Encodable {
        var row: Int
        var name: String
        var birthDate: String
        var jobTitle: String
        var underwriting: String
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var action: String
        var policyHref: String
        var contractNumber: String
        var effectiveDate: String
        var description: String
        var members: [Member]
        var total: Int
        var csvHeader: String
        var blankRows: [Int]
        var errors: [PageError]
    }

    func render(_ req: Request, policy: Policy, form: Form, errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
        let id = try policy.requireID()
        func active() -> QueryBuilder<GroupLifeMemberRecord> {
            GroupLifeMemberRecord.query(on: req.db).filter(\.$policy.$id == id).filter(\.$removedOn == nil)
        }
        let total = try await active().count()
        let members = try await active().sort(\.$row).limit(Self.listed).all().map {
            Member(row: $0.row, name: "\($0.firstName) \($0.lastName)", birthDate: $0.birthDate, jobTitle: $0.jobTitle,
                   underwriting: GroupUnderwriting(rawValue: $0.underwriting)?.title ?? $0.underwriting)
        }
        let contract = try await GroupLifeDesk.contract(of: id, on: req.db)
        let context = Context(chrome: PageChrome(req, title: "الحاقیهٔ بیمه‌شدگان قرارداد عمر گروهی"), action: Self.url(.value(id)).path,
                              policyHref: WebPath.policy(id), contractNumber: contract?.number ?? policy.printedNumber ?? "",
                              effectiveDate: form.effectiveDate ?? req.bimeh.clock.today().description, description: form.description ?? "",
                              members: members, total: total, csvHeader: GroupMemberCSV.header, blankRows: Array(0..<Self.rows), errors: errors)
        return try await req.page("policies/group-life-members", context, status: status)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let policy = try await GroupLifeDesk.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        return try await render(req, policy: policy, form: Form(), errors: [], status: .ok)
    }

    /// The form as the API's `changes`; the file's own problems by line. Row i of `addMembers` is
    /// the file's line `lines[i]`, or typed row i − (file rows) when typed.
    static func changes(_ form: Form) -> (changes: Data?, lines: [Int], refusals: [FieldError]) {
        var added: [[String: String]] = [], lines: [Int] = [], refusals: [FieldError] = []
        if let file = form.members, file.data.readableBytes > 0 {
            switch GroupMemberCSV.parse(Data(file.data.readableBytesView)) {
            case .rows(let rows):
                added = rows.map(\.fields)
                lines = rows.map(\.line)
            case .rejected(let rows):
                refusals = rows.map { FieldError(field: "members", code: $0.code, message: "سطر \(Normalize.persianDigits(String($0.lineNumber))): \($0.reason)") }
            }
        }
        added += (form.add ?? []).map(\.fields).filter { !$0.isEmpty }
        let typed = (form.removeRows ?? "").split(whereSeparator: { $0.isNewline || $0 == "," || $0 == " " || $0 == "،" }).map(String.init)
        // ticked rows, then typed ones not ticked (a row typed twice is the rules' duplicate-row)
        let ticked = (form.remove ?? []).map { Normalize.digits($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        let removed: [Any] = (ticked + typed.map { Normalize.digits($0) }.filter { !ticked.contains($0) }).map { Int($0).map { $0 as Any } ?? $0 }
        var changes: [String: Any] = [:]
        if !added.isEmpty { changes["addMembers"] = added }
        if !removed.isEmpty { changes["removeRows"] = removed }
        let data = changes.isEmpty ? nil : try? JSONSerialization.data(withJSONObject: changes, options: [.sortedKeys])
        return (data, lines, refusals)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let principal = try req.principal
        let policy = try await GroupLifeDesk.policy(req.parameters.get("id", as: UUID.self), for: principal, on: req.db)
        let id = try policy.requireID()
        let (changes, lines, refusals) = Self.changes(form)
        do {
            try UploadLimit.refuseOversize(req, field: "members")
            guard refusals.isEmpty else { throw AppError.validation(refusals) }
            guard let changes else {
                throw AppError.validation([FieldError(field: "changes", code: "member-change-required",
                                                      message: "بیمه‌شدگانی بیفزایید (پرونده یا ردیف‌ها) یا ردیف‌هایی را برای حذف علامت بزنید.")])
            }
            let input = EndorsePolicy.Input(effectiveDate: form.effectiveDate, description: form.description ?? "", changes: changes)
            let once = FormOnce.token(in: req)
            try await req.write { work in
                try await FormOnce.consume(once, userID: principal.userID, in: work)
                do { _ = try await EndorsePolicy(input).run(policyID: id, ifMatch: nil, principal: principal, in: work) } catch let error as AppError {
                    throw Self.byLine(error, lines: lines)
                }
            }
            return req.redirect(to: WebPath.policy(id) + "?done=endorsed")
        } catch let error as AppError where error.status.code < 500 {
            return try await render(req, policy: policy, form: form, errors: PageError.list(error), status: error.status)
        }
    }

    /// `changes.addMembers[i]` named by the file's line when it came from the file.
    static func byLine(_ error: AppError, lines: [Int]) -> AppError {
        var error = error
        error.errors = error.errors.map { e in
            guard let line = GroupMemberCSV.lineNumber(ofPath: e.field, prefix: "changes.addMembers[", lines: lines) else { return e }
            return FieldError(field: "members", code: e.code, message: "سطر \(Normalize.persianDigits(String(line))): \(e.message)")
        }
        return error
    }
}
