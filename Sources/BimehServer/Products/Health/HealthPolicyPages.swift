import Foundation
import InsuranceKit
import Vapor

/// R-SH-10, R-P-07: a group health policy's persons changed by endorsement on its page: a CSV of
/// persons to add (the group upload's format and checks: every bad row named by its line, nothing
/// stored) and the persons ticked to remove. The same command as the API's
/// `POST /api/v1/policies/{id}/endorsements` with `changes: {addPersons, removePersons}`.
struct HealthPolicyPages: RouteCollection {
    static func url(_ id: Parameter<UUID>) -> SiteURL { .product(["policies", id.segment("id"), "persons"]) }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.issuer], web: true))
            .upload(Self.url(.key), limit: HealthProposalPages.maxUpload, use: change)
    }

    struct Form: Content {
        var effectiveDate: String?
        var description: String?
        /// National codes of the persons to remove: ticked, and typed one a line (a large group's
        /// page lists only its first persons).
        var remove: [String]?
        var removeCodes: String?
        var members: File?
    }

    @Sendable func change(req: Request) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        var changes: [String: Any] = [:]
        var rejected: [FieldError] = []
        var fromFile = false
        if let file = form.members, file.data.readableBytes > 0 {
            fromFile = true
            switch HealthMemberCSV.parse(Data(file.data.readableBytesView)) {
            case .members(let list): changes[HealthPersonChanges.addKey] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(list))
            case .rejected(let rows):
                rejected = rows.map { FieldError(field: "members", code: $0.code, message: "سطر \(Normalize.persianDigits(String($0.lineNumber))): \($0.reason)") }
            }
        }
        let typed = (form.removeCodes ?? "").split(whereSeparator: { $0.isNewline || $0 == "," || $0 == " " || $0 == "،" }).map(String.init)
        var removed: [String] = []
        for code in ((form.remove ?? []) + typed).map({ Normalize.digits($0.trimmingCharacters(in: .whitespaces)) }) where !code.isEmpty && !removed.contains(code) {
            removed.append(code)
        }
        if !removed.isEmpty { changes[HealthPersonChanges.removeKey] = removed }
        let data = changes.isEmpty ? nil : try JSONSerialization.data(withJSONObject: changes, options: [.sortedKeys])
        let input = EndorsePolicy.Input(effectiveDate: form.effectiveDate, description: form.description, changes: data)
        let id = req.parameters.get("id", as: UUID.self)
        let refusals = rejected, named = fromFile
        return try await PolicyPages().act(req, done: "endorsed", before: { _ in try UploadLimit.refuseOversize(req, field: "members") }) { principal, work in
            guard let id else { throw AppError.notFound("بیمه‌نامه") }
            guard refusals.isEmpty else { throw AppError.validation(refusals) }
            do { _ = try await EndorsePolicy(input).run(policyID: id, ifMatch: nil, principal: principal, in: work) } catch let error as AppError {
                throw named ? Self.byLine(error) : error
            }
        }
    }

    /// `changes.addPersons[i]` is line i + 2 of the file (line 1 is the header).
    static func byLine(_ error: AppError) -> AppError {
        var error = error
        let prefix = "changes.addPersons["
        error.errors = error.errors.map { e in
            guard e.field.hasPrefix(prefix), let index = Int(e.field.dropFirst(prefix.count).prefix { $0.isNumber }) else { return e }
            return FieldError(field: "members", code: e.code, message: "سطر \(Normalize.persianDigits(String(index + 2))): \(e.message)")
        }
        return error
    }
}
