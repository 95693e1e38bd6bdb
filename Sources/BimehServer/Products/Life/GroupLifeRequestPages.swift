import Fluent
import Foundation
import InsuranceKit
import Vapor

/// R-GL-01/02 on the web: the request letter (the group-life proposal form), priced into the
/// plan letter; the plan letter printed with both covers, per person and in total, and the
/// customer's answer: agree (the generic quote page registers the contract), negotiate (a new
/// request letter from this one's figures) or refuse (the file is voided).
struct GroupLifeRequestPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let selling = routes.grouped(RequireRole(QuotePages.sellers, web: true))
        selling.get(.groupLifeRequest, use: form)
        selling.post(.groupLifeRequest, use: create)
        routes.grouped(RequireRole(PolicyAccess.readers, web: true)).get(.groupLifePlanLetter(.key), use: planLetter)
        routes.grouped(RequireRole([.issuer], web: true)).post(.groupLifeRefusal(.key), use: refuse)
    }

    struct ClassOption: Encodable {
        var number: Int
        var label: String
        var selected: Bool
    }

    struct FormContext: Encodable {
        var chrome: PageChrome
        var action: String
        var nationalCode: String
        var date: String
        var sumInsured: String
        var members: String
        var averageAge: String
        var classes: [ClassOption]
        var accident: Bool
        var errors: [PageError]
        /// The plan letter this request letter re-prices (negotiation).
        var negotiating: String?
    }

    private func render(_ req: Request, values: [String: String], errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
        let year = (try? JalaliDate(parsing: values["date"] ?? ""))?.year ?? req.bimeh.clock.today().year
        let tariff = try LifeTariff.forYear(LifeTariff.years.contains(year) ? year : LifeTariff.years.upperBound)
        let chosen = Int(values["occupationalClass"] ?? "") ?? 1
        let context = FormContext(
            chrome: PageChrome(req, title: "درخواست بیمهٔ عمر زمانی گروهی"), action: SiteURL.groupLifeRequest.path,
            nationalCode: values["nationalCode"] ?? "", date: values["date"] ?? req.bimeh.clock.today().description,
            sumInsured: values["sumInsured"] ?? "", members: values["members"] ?? "", averageAge: values["averageAge"] ?? "",
            classes: tariff.groupClasses.map { c in
                ClassOption(number: c.number, label: "\(c.title) — فوت \(c.death.persianFormatted)، حادثه \(c.accidentalDeath.persianFormatted) در هزار",
                            selected: c.number == chosen)
            },
            accident: values["accident"] != "no", errors: errors, negotiating: values["negotiating"])
        return try await req.page("life/request", context, status: status)
    }

    /// `?from=<quote>`: the figures of an earlier plan letter, to negotiate; `?nationalCode=`.
    @Sendable func form(req: Request) async throws -> Response {
        var values: [String: String] = [:]
        if let code = req.query[String.self, at: "nationalCode"] { values["nationalCode"] = String(code.prefix(20)) }
        if let from = req.query[UUID.self, at: "from"], let quote = try? await GroupLifePlanDesk.quote(from, for: try req.principal, on: req.db) {
            let inputs: GroupLifeInputs = try StoredJSON.decode(GroupLifeInputs.self, from: quote.inputs, what: "quote.inputs")
            if let customerID = quote.$customer.id, let customer = try await Customer.find(customerID, on: req.db) { values["nationalCode"] = customer.identifier }
            values["sumInsured"] = String(inputs.sumInsured.amount)
            values["members"] = String(inputs.members)
            values["averageAge"] = String(inputs.averageAge)
            values["occupationalClass"] = String(inputs.occupationalClass)
            values["accident"] = inputs.covers.contains(.accidentalDeath) ? "yes" : "no"
            values["negotiating"] = quote.proposalNumber
        }
        return try await render(req, values: values, errors: [], status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let values = ((try? req.content.decode([String: String].self)) ?? [:]).mapValues { Normalize.text($0) }
        let principal = try req.principal
        let (customerID, date, errors) = try await ProposalCustomer.read(code: values["nationalCode"], date: values["date"], principal: principal, on: req.db)
        // API.md's inputs; typed text that is not a number is left for the rules to refuse
        var inputs: [String: Any] = [:]
        for name in ["sumInsured", "members", "averageAge", "occupationalClass"] {
            let raw = values[name] ?? ""
            guard !raw.isEmpty else { continue }
            inputs[name] = FormInput.amountJSON(raw)
        }
        inputs["covers"] = values["accident"] == "yes" ? [GroupLifeCover.death.rawValue, GroupLifeCover.accidentalDeath.rawValue] : [GroupLifeCover.death.rawValue]
        var shown = values
        shown["accident"] = values["accident"] == "yes" ? "yes" : "no"
        guard errors.isEmpty, let date else { return try await render(req, values: shown, errors: errors, status: .unprocessableEntity) }
        let request = QuoteDesk.Request(product: GroupLife().code.rawValue, customerID: customerID, date: date,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        do {
            let quote = try await EnterProposal.run(request, principal: principal, products: req.bimeh.products, today: req.bimeh.clock.today(),
                                                    write: { body in try await req.write(body) })
            return req.redirect(to: SiteURL.groupLifePlanLetter(.value(try quote.requireID())).path)
        } catch let error as AppError where error.status.code < 500 {
            return try await render(req, values: shown, errors: PageError.list(error), status: error.status)
        }
    }

    // MARK: the plan letter

    struct CoverRow: Encodable {
        var title: String
        var rate: String
        var perPerson: Int64
        var total: Int64
    }

    struct PlanContext: Encodable {
        var chrome: PageChrome
        var proposalNumber: String
        var date: String
        var customerName: String
        var sumInsured: Int64
        var members: Int
        var averageAge: Int
        var classTitle: String
        var covers: [CoverRow]
        var perPerson: Int64
        var total: Int64
        var conditions: [String]
        var status: String
        var registerHref: String
        var negotiateHref: String
        var refusalAction: String
        var policyHref: String?
        var canAnswer: Bool
        var canRefuse: Bool
        var errors: [PageError]
        var notice: String?
    }

    @Sendable func planLetter(req: Request) async throws -> Response {
        let quote = try await GroupLifePlanDesk.quote(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        return try await renderPlan(req, quote, errors: [], notice: req.query[String.self, at: "done"] == "voided" ? "پرونده با انصراف بیمه‌گذار باطل شد." : nil, status: .ok)
    }

    private func renderPlan(_ req: Request, _ quote: Quote, errors: [PageError], notice: String?, status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.principal
        let inputs = try StoredJSON.decode(GroupLifeInputs.self, from: quote.inputs, what: "quote.inputs")
        let tariff = try LifeTariff.forYear(quote.tariffYear)
        guard let klass = tariff.groupClass(inputs.occupationalClass) else { throw AppError.notFound("طبقهٔ شغلی") }
        let premium = GroupLifePremium(sumInsured: inputs.sumInsured, occupationalClass: klass, covers: inputs.covers)
        let covers = try premium.covers.map { cover in
            let each = try premium.perPerson(cover)
            return CoverRow(title: cover.title, rate: klass.rate(cover).persianFormatted, perPerson: each.amount,
                            total: try each.multiplied(by: Int64(inputs.members)).amount)
        }
        let customer = try await quote.$customer.get(on: req.db)
        let policy = try await Policy.query(on: req.db).filter(\.$quote.$id == quote.requireID()).first()
        let id = try quote.requireID()
        let context = PlanContext(
            chrome: PageChrome(req, title: "طرح بیمهٔ عمر گروهی \(quote.proposalNumber)"), proposalNumber: quote.proposalNumber, date: quote.quoteDate,
            customerName: customer?.displayName ?? "", sumInsured: inputs.sumInsured.amount, members: inputs.members, averageAge: inputs.averageAge,
            classTitle: klass.title, covers: covers, perPerson: try premium.annualPerPerson().amount, total: quote.total,
            conditions: GroupLife().generalConditions,
            status: quote.status == .declined ? "باطل‌شده (انصراف بیمه‌گذار)" : quote.status == .used ? "قرارداد ثبت شده" : "در انتظار پاسخ بیمه‌گذار",
            registerHref: WebPath.quote(id), negotiateHref: SiteURL.groupLifeRequest.path + "?from=\(id.uuidString)",
            refusalAction: SiteURL.groupLifeRefusal(.value(id)).path, policyHref: try policy.map { WebPath.policy(try $0.requireID()) },
            canAnswer: quote.status == .quoted && QuotePages.sellers.contains(principal.role),
            canRefuse: quote.status == .quoted && principal.role == .issuer, errors: errors, notice: notice)
        return try await req.page("life/plan-letter", context, status: status)
    }

    struct RefusalForm: Content {
        var reason: String?
    }

    /// R-GL-02: the customer's final refusal; the same command as `POST /api/v1/quotes/{id}/refusal`.
    @Sendable func refuse(req: Request) async throws -> Response {
        let principal = try req.principal
        let id = req.parameters.get("id", as: UUID.self)
        let form = (try? req.content.decode(RefusalForm.self)) ?? RefusalForm()
        let quote = try await GroupLifePlanDesk.quote(id, for: principal, on: req.db)
        do {
            _ = try await req.write { work in try await GroupLifePlanDesk.refuse(quoteID: id, reason: form.reason, principal: principal, in: work) }
            return req.redirect(to: SiteURL.groupLifePlanLetter(.value(try quote.requireID())).path + "?done=voided")
        } catch let error as AppError where error.status.code < 500 {
            let fresh = try await GroupLifePlanDesk.quote(id, for: principal, on: req.db)
            return try await renderPlan(req, fresh, errors: PageError.list(error), notice: nil, status: error.status)
        }
    }
}
