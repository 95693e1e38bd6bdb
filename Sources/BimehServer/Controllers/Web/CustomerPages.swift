import Vapor
import Fluent
import InsuranceKit

/// Customer search, registration and view for the issuance expert and agents.
struct CustomerPages: RouteCollection {
    static let readers: Set<Role> = [.admin, .issuer, .agent, .claims, .head, .accountant]
    static let writers: Set<Role> = [.issuer, .agent]

    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.grouped(RequireRole(Self.readers, web: true))
        readers.get(.customers, use: index)
        readers.get(.customer(.key), use: show)
        let writing = routes.grouped(RequireRole(Self.writers, web: true))
        writing.get(.newCustomer, use: newForm)
        writing.post(.customers, use: create)
    }

    struct Row: Encodable {
        var href: String
        var name: String
        var kind: String
        var identifier: String
        var mobile: String
        var birthDate: String
    }

    static func row(_ c: Customer) -> Row {
        Row(href: c.id.map(WebPath.customer) ?? WebPath.customers, name: c.displayName,
            kind: c.kind == .natural ? "حقیقی" : "حقوقی", identifier: c.identifier, mobile: c.mobile ?? "", birthDate: c.birthDate ?? "")
    }

    /// The form's fields are the command's input.
    typealias FormValues = RegisterCustomer.Input

    /// The fields the form has a place for.
    static let formFields: Set<String> = ["nationalCode", "foreignId", "firstName", "lastName", "birthDate", "mobile", "legalId", "name"]

    struct FormContext: Encodable {
        var chrome: PageChrome
        var values: FormValues
        var errors: [String: String]
        var action: String
        var isLegal: Bool
        /// The machine code of each field's problem, beside its message.
        var codes: [String: String] = [:]
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let kind = req.query[String.self, at: "kind"] == "legal" ? "legal" : "natural"
        return try await renderForm(req, values: FormValues(kind: kind), errors: [:], status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let values = (try? req.content.decode(FormValues.self)) ?? FormValues()
        let fields: CustomerFields
        do {
            fields = try RegisterCustomer.fields(values, today: req.bimeh.clock.today())
        } catch let error as AppError {
            var messages: [String: String] = [:], codes: [String: String] = [:]
            for e in error.errors where messages[e.field] == nil {
                messages[e.field] = e.message
                codes[e.field] = e.code
            }
            // a problem with no field of its own on the form (the kind) is shown above it
            for field in messages.keys where !Self.formFields.contains(field) && messages["form"] == nil {
                messages["form"] = messages[field]
                codes["form"] = codes[field]
                codes["formField"] = field
            }
            if messages.isEmpty {
                messages["form"] = error.detail
                codes["form"] = error.code
            }
            return try await renderForm(req, values: values, errors: messages, codes: codes, status: .unprocessableEntity)
        }
        let principal = try req.principal
        let outcome: CustomerRegistry.Outcome
        do {
            outcome = try await req.write { work in try await CustomerRegistry.register(fields, principal: principal, in: work) }
        } catch let error as AppError where error.code == CustomerRegistry.registeredElsewhere.code {
            // R-G-08: the form stays as typed, with the refusal above it and nothing of the stored record
            return try await renderForm(req, values: values, errors: ["form": error.detail], codes: ["form": error.code], status: .conflict)
        }
        let id = try outcome.customer.requireID()
        return req.redirect(to: WebPath.customer(id) + (outcome.created ? "?created=1" : "?existing=1"))
    }

    private func renderForm(_ req: Request, values: FormValues, errors: [String: String], codes: [String: String] = [:],
                            status: HTTPResponseStatus) async throws -> Response {
        var context = FormContext(chrome: PageChrome(req, title: "ثبت مشتری"), values: values, errors: errors,
                                  action: WebPath.customers, isLegal: values.kind == "legal")
        context.codes = codes
        return try await req.page("customers/new", context, status: status)
    }

    struct ShowContext: Encodable {
        var chrome: PageChrome
        var customer: CustomerSnapshot
        var kind: String
        var notice: String?
        var listHref: String
        var file = CustomerFile()
        var editHref: String?
        var sex: String?
        var edits: [CustomerEditHistory.Row] = []
        var letters: [CustomerLetters.Row] = []
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("مشتری") }
        let customer = try await CustomerRegistry.find(id, for: try req.principal, on: req.db)
        var notice: String?
        if req.query[String.self, at: "created"] != nil { notice = "مشتری ثبت شد." }
        if req.query[String.self, at: "existing"] != nil { notice = "این مشتری پیش‌تر ثبت شده بود؛ همان پرونده نشان داده می‌شود." }
        if req.query[String.self, at: "edited"] != nil { notice = "مشخصات مشتری ذخیره شد." }
        var context = ShowContext(chrome: PageChrome(req, title: customer.displayName), customer: CustomerSnapshot(customer),
                                  kind: customer.kind == .natural ? "حقیقی" : "حقوقی", notice: notice, listHref: WebPath.customers,
                                  file: try await CustomerFile.load(id, for: try req.principal, today: req.bimeh.clock.today(),
                                                                    products: req.bimeh.products, on: req.db))
        if CustomerDesk.editors.contains(try req.principal.role) { context.editHref = WebPath.customerEdit(id) }
        context.sex = customer.sex.flatMap { EditCustomer.sexes[$0] }
        context.edits = try await CustomerEditHistory.load(id, on: req.db)
        context.letters = try await CustomerLetters.load(customer, for: try req.principal, products: req.bimeh.products, on: req.db)
        return try await req.page("customers/show", context)
    }
}
