import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The customer file's audited edit of details: the same command as `PATCH /api/v1/customers/{id}`.
struct CustomerEditPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.grouped(RequireRole(CustomerDesk.editors, web: true))
        editors.get(.customerEdit(.key), use: form)
        editors.post(.customerEdit(.key), use: save)
    }

    struct Choice: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var customer: CustomerSnapshot
        var isLegal: Bool
        var values: EditCustomer.Input
        var sexes: [Choice]
        var errors: [String: String]
        var codes: [String: String]
        var action: String
        var backHref: String
    }

    @Sendable func form(req: Request) async throws -> Response {
        let customer = try await find(req)
        let values = EditCustomer.Input(fatherName: customer.fatherName, sex: customer.sex, address: customer.address,
                                        postalCode: customer.postalCode, iban: customer.iban, mobile: customer.mobile,
                                        economicCode: customer.economicCode, signatory: customer.signatory)
        return try await render(req, customer, values: values, errors: [:], codes: [:], status: .ok)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let customer = try await find(req)
        let id = try customer.requireID()
        var values = (try? req.content.decode(EditCustomer.Input.self)) ?? EditCustomer.Input()
        // the form has only the fields of the customer's kind
        if customer.kind == .natural { values.economicCode = nil; values.signatory = nil }
        else { values.fatherName = nil; values.sex = nil }
        let principal = try req.principal
        do {
            let submitted = values
            _ = try await req.write { work in try await CustomerDesk.edit(id, input: submitted, principal: principal, in: work) }
        } catch let error as AppError where !error.errors.isEmpty {
            var messages: [String: String] = [:], codes: [String: String] = [:]
            for e in error.errors where messages[e.field] == nil {
                messages[e.field] = e.message
                codes[e.field] = e.code
            }
            return try await render(req, customer, values: values, errors: messages, codes: codes, status: .unprocessableEntity)
        }
        return req.redirect(to: WebPath.customer(id) + "?edited=1")
    }

    private func find(_ req: Request) async throws -> Customer {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("مشتری") }
        return try await CustomerRegistry.find(id, for: try req.principal, on: req.db)
    }

    private func render(_ req: Request, _ customer: Customer, values: EditCustomer.Input, errors: [String: String],
                        codes: [String: String], status: HTTPResponseStatus) async throws -> Response {
        let id = try customer.requireID()
        let sexes = [Choice(value: "", label: "—", selected: (values.sex ?? "").isEmpty)]
            + [("male", "مرد"), ("female", "زن")].map { Choice(value: $0.0, label: $0.1, selected: values.sex == $0.0) }
        let context = Context(chrome: PageChrome(req, title: "ویرایش مشخصات " + customer.displayName),
                              customer: CustomerSnapshot(customer), isLegal: customer.kind == .legal, values: values, sexes: sexes,
                              errors: errors, codes: codes, action: WebPath.customerEdit(id), backHref: WebPath.customer(id))
        return try await req.page("customers/edit", context, status: status)
    }
}

/// The customer file's history of edits: who changed what, from the audit trail.
struct CustomerEditHistory: Encodable {
    struct Row: Encodable {
        var when: String
        var actor: String
        var changes: [String]
    }

    /// The edited fields, labelled as the form labels them.
    static let fields: [(key: String, label: String)] = [
        ("fatherName", "نام پدر"), ("sex", "جنسیت"), ("address", "نشانی"), ("postalCode", "کد پستی"), ("iban", "شبا"),
        ("mobile", "همراه"), ("economicCode", "کد اقتصادی"), ("signatory", "صاحب امضا"),
    ]

    static func load(_ customerID: UUID, on db: any Database) async throws -> [Row] {
        let records = try await AuditRecord.query(on: db)
            .filter(\.$entity == "customer").filter(\.$entityID == customerID.uuidString).filter(\.$action == "customer.updated")
            .sort(\.$at, .descending).limit(50).all()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let actors = try await ActorNames.load(records, on: db)
        return records.map { record in
            let before = record.before.flatMap { try? decoder.decode(Lenient.self, from: Data($0.utf8)) }
            let after = record.after.flatMap { try? decoder.decode(Lenient.self, from: Data($0.utf8)) }
            let changes = Self.fields.compactMap { field -> String? in
                let old = before?.values[field.key] ?? nil, new = after?.values[field.key] ?? nil
                guard old != new else { return nil }
                return "\(field.label): \(old ?? "—") ← \(new ?? "—")"
            }
            return Row(when: PageTime.format(iso: record.at), actor: actors.name(of: record), changes: changes)
        }
    }

    /// The text fields of a stored snapshot, whatever else it holds.
    private struct Lenient: Decodable {
        var values: [String: String?] = [:]
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for field in CustomerEditHistory.fields {
                values[field.key] = try? container.decodeIfPresent(String.self, forKey: Key(stringValue: field.key))
            }
        }
    }
}
