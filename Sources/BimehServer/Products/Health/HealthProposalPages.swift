import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The supplementary-health proposal form (R-SH-01…03): the policyholder, plan and kind, base
/// insurance, optional covers and the persons row by row; priced on submit, then the generic
/// quote page (register with cash or 6/8/12 monthly installments, R-SH-11).
struct HealthProposalPages: RouteCollection {
    static let url = SiteURL.product(["quotes", "supplementary-health"])
    /// R-SH-10: a group's proposal with its member list as a CSV file.
    static let groupURL = SiteURL.product(["quotes", "supplementary-health", "group"])
    static let rows = 6
    /// A 20,000-member list is about 2 MB.
    static let maxUpload: ByteCount = "4mb"

    func boot(routes: any RoutesBuilder) throws {
        let selling = routes.grouped(RequireRole(QuotePages.sellers, web: true))
        selling.get(Self.url, use: form)
        selling.post(Self.url, use: create)
        selling.upload(Self.groupURL, limit: Self.maxUpload, use: createGroup)
    }

    struct PersonRow: Content {
        var nationalCode: String?
        var firstName: String?
        var lastName: String?
        var birthDate: String?
        var sex: String?
        var relation: String?
        var student: String?
        var married: String?

        var isEmpty: Bool { [nationalCode, firstName, lastName, birthDate].allSatisfy { Normalize.text($0 ?? "").isEmpty } }
    }

    struct Form: Content {
        var nationalCode: String?
        var date: String?
        var plan: String?
        var kind: String?
        var hasBaseInsurance: String?
        var optionalCovers: [String]?
        var persons: [PersonRow]?
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct RowContext: Encodable {
        var index: Int
        var person: PersonRow
        var sexes: [Option]
        var relations: [Option]
        var errors: [PageError]
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var action: String
        var groupAction = HealthProposalPages.groupURL.path
        var nationalCode: String
        /// The group form's employer, typed there (its errors are `group.<field>`).
        var groupNationalCode: String
        var date: String
        var plans: [Option]
        var kinds: [Option]
        var hasBaseInsurance: Bool
        var optionalCovers: [Option]
        var rows: [RowContext]
        /// Problems listed at the top: all but the persons' (those stand in their rows).
        var banner: [PageError]
        /// Every problem, for `#fielderror` beside each input.
        var errors: [PageError]
    }

    /// A person's columns marked beside their cells; any other problem of the row under it.
    static let columns = ["nationalCode", "firstName", "lastName", "birthDate", "sex", "relation"]

    private func render(_ req: Request, form: Form, group: Bool = false, errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
        let tariff = try HealthTariff.forYear(req.bimeh.clock.today().year)
        let plan = form.plan ?? "silver"
        var persons = form.persons ?? []
        while persons.count < Self.rows { persons.append(PersonRow()) }
        let rows = persons.enumerated().map { index, person in
            RowContext(index: index, person: person,
                       sexes: HealthPerson.Sex.allCases.map { Option(value: $0.rawValue, label: $0 == .male ? "مرد" : "زن", selected: person.sex == $0.rawValue) },
                       // a dependant's row starts with no relation chosen, so none is taken by default
                       relations: (index == 0 ? [] : [Option(value: "", label: "—", selected: (person.relation ?? "").isEmpty)])
                           + HealthPerson.Relation.allCases.map {
                               Option(value: $0.rawValue, label: $0.title, selected: (person.relation ?? (index == 0 ? "main" : "")) == $0.rawValue)
                           },
                       errors: errors.filter { e in
                           e.field.hasPrefix("inputs.persons[\(index)]") && !Self.columns.contains { e.field == "inputs.persons[\(index)].\($0)" }
                       })
        }
        let context = Context(
            chrome: PageChrome(req, title: "پیشنهاد بیمهٔ تکمیلی درمان"), action: Self.url.path,
            nationalCode: group ? "" : form.nationalCode ?? "", groupNationalCode: group ? form.nationalCode ?? "" : "", date: form.date ?? req.bimeh.clock.today().description,
            plans: tariff.plans.map { Option(value: $0.code, label: "\($0.title) — \($0.price.persianFormatted) ریال برای هر نفر، فرانشیز \($0.franchise.persianFormatted)", selected: $0.code == plan) },
            kinds: HealthInputs.Kind.allCases.map { Option(value: $0.rawValue, label: $0.title, selected: (form.kind ?? "family") == $0.rawValue) },
            hasBaseInsurance: form.hasBaseInsurance != "no",
            optionalCovers: (tariff.plan("gold")?.optionalCovers ?? []).map {
                Option(value: $0.code, label: $0.title, selected: form.optionalCovers?.contains($0.code) == true)
            },
            rows: rows, banner: errors.filter { !$0.field.hasPrefix("inputs.persons[") }, errors: errors)
        return try await req.page("quotes/health", context, status: status)
    }

    @Sendable func form(req: Request) async throws -> Response {
        var form = Form()
        form.nationalCode = req.query[String.self, at: "nationalCode"].map { String($0.prefix(20)) }
        return try await render(req, form: form, errors: [], status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let principal = try req.principal
        let (customerID, date, errors) = try await ProposalCustomer.read(code: form.nationalCode, date: form.date, principal: principal, on: req.db)
        guard errors.isEmpty, let date else { return try await render(req, form: form, errors: errors, status: .unprocessableEntity) }
        return try await EnterProposal.fromPage(req, product: SupplementaryHealth().code.rawValue, customerID: customerID, date: date,
                                                inputs: Self.inputs(form), principal: principal) { error in
            try await render(req, form: form, errors: PageError.list(error), status: error.status)
        }
    }

    struct GroupForm: Content {
        var nationalCode: String?
        var date: String?
        var plan: String?
        var hasBaseInsurance: String?
        var optionalCovers: [String]?
        var members: File?
    }

    /// R-SH-10: the member list from a CSV file; every bad row reported by its line and nothing
    /// stored; then priced as a group, a rule's refusal named by the row's line too.
    @Sendable func createGroup(req: Request) async throws -> Response {
        let group = (try? req.content.decode(GroupForm.self)) ?? GroupForm()
        let form = Form(nationalCode: group.nationalCode, date: group.date, plan: group.plan, kind: "group",
                        hasBaseInsurance: group.hasBaseInsurance, optionalCovers: group.optionalCovers, persons: nil)
        let principal = try req.principal
        let (customerID, date, found) = try await ProposalCustomer.read(code: group.nationalCode, date: group.date, principal: principal, on: req.db)
        var errors = found, persons: [HealthPerson] = []
        if let refusal = UploadLimit.oversize(req, field: "members") {
            errors += PageError.list(refusal)
        } else if let file = group.members, file.data.readableBytes > 0 {
            switch HealthMemberCSV.parse(Data(file.data.readableBytesView)) {
            case .members(let list): persons = list
            case .rejected(let rows):
                errors += rows.map { PageError(code: $0.code, field: "members", message: "سطر \(Normalize.persianDigits(String($0.lineNumber))): \($0.reason)") }
            }
        } else {
            errors.append(PageError(code: "required", field: "members", message: "پروندهٔ فهرست اعضا (CSV) را برگزینید."))
        }
        guard errors.isEmpty, let date else { return try await render(req, form: form, group: true, errors: Self.ofGroup(errors), status: .unprocessableEntity) }
        let inputs = try Self.groupInputs(form, persons: persons)
        return try await EnterProposal.fromPage(req, product: SupplementaryHealth().code.rawValue, customerID: customerID, date: date,
                                                inputs: inputs, principal: principal) { error in
            // inputs.persons[i] is line i + 2 of the file
            let byLine = PageError.list(error).map { e in
                guard e.field.hasPrefix("inputs.persons["), let index = Int(e.field.dropFirst("inputs.persons[".count).prefix { $0.isNumber }) else { return e }
                return PageError(code: e.code, field: "members", message: "سطر \(Normalize.persianDigits(String(index + 2))): \(e.message)")
            }
            return try await render(req, form: form, group: true, errors: Self.ofGroup(byLine), status: error.status)
        }
    }

    /// The group form's own fields are `group.<field>`, so the message stands beside its input and
    /// not beside the individual form's input of the same name.
    static func ofGroup(_ errors: [PageError]) -> [PageError] {
        errors.map { e in
            let name = e.field.hasPrefix("inputs.") ? String(e.field.dropFirst("inputs.".count)) : e.field
            guard ["nationalCode", "date", "plan"].contains(name) else { return e }
            return PageError(code: e.code, field: "group." + name, message: e.message)
        }
    }

    /// A group's `inputs`: the form's choices and the members read from the file.
    static func groupInputs(_ form: Form, persons: [HealthPerson]) throws -> [String: Any] {
        var inputs = Self.inputs(form)
        inputs["persons"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(persons))
        return inputs
    }

    /// API.md's `inputs` from the form: the rows filled in, in order; typed text left for the rules.
    static func inputs(_ form: Form) -> [String: Any] {
        let persons: [[String: Any]] = (form.persons ?? []).filter { !$0.isEmpty }.map { row in
            var person: [String: Any] = [:]
            for (key, value) in [("nationalCode", row.nationalCode), ("firstName", row.firstName), ("lastName", row.lastName),
                                 ("birthDate", row.birthDate), ("sex", row.sex), ("relation", row.relation)] {
                let text = Normalize.text(value ?? "")
                if !text.isEmpty { person[key] = text }
            }
            if row.student == "yes" { person["student"] = true }
            if row.married == "yes" { person["married"] = true }
            return person
        }
        var inputs: [String: Any] = ["plan": form.plan ?? "", "kind": form.kind ?? "", "hasBaseInsurance": form.hasBaseInsurance != "no",
                                     "persons": persons]
        if let covers = form.optionalCovers, !covers.isEmpty { inputs["optionalCovers"] = covers }
        return inputs
    }
}
