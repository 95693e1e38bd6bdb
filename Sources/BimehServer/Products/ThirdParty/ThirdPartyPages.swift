import Fluent
import InsuranceKit
import Vapor

/// The issuer's third-party proposal form (vehicle, usage, history) and the public page that
/// checks a policy's unique code (R-TP-13).
struct ThirdPartyPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let selling = routes.grouped(RequireRole(QuotePages.sellers, web: true))
        selling.get(.thirdPartyProposal, use: form)
        selling.post(.thirdPartyProposal, use: create)
        let pages = PolicyPages()
        routes.grouped(RequireRole([.issuer, .agent], web: true)).post(.licence(.key), use: pages.licence)
    }

    struct Option: Encodable {
        var code: String
        var label: String
        var selected: Bool
    }

    struct Form: Content {
        var nationalCode: String?
        var vehicleClass: String?
        var usage: String?
        var previousPolicyEndDate: String?
        var claimFreeYears: String?
        var financialClaims: String?
        var bodilyClaims: String?
        var vehicleAgeYears: String?
        var negativePoints: String?
        var extraTrailers: String?
        var financialCover: String?
        var firstRegistration: String?
        var safeDrivingCourse: String?
        var missingInspection: String?
        var driverAccident: String?
        // the vehicle card (R-TP-13): optional in the proposal, required before issue
        var plate: String?
        var vin: String?
        var chassisNumber: String?
        var engineNumber: String?
        var make: String?
        var model: String?
        var modelYear: String?

        static let vehicleFields = ["plate", "vin", "chassisNumber", "engineNumber", "make", "model", "modelYear"]

        /// The `vehicle` object of the inputs, or nil when every vehicle field was left empty. A
        /// year that is not a number is sent as 0, so the product names the model-year problem.
        var vehicle: [String: Any]? {
            let texts = [("plate", plate), ("vin", vin), ("chassisNumber", chassisNumber), ("engineNumber", engineNumber),
                         ("make", make), ("model", model)]
            var vehicle: [String: Any] = [:]
            for (key, raw) in texts {
                if let text = raw?.trimmingCharacters(in: .whitespaces), !text.isEmpty { vehicle[key] = text }
            }
            if let raw = modelYear?.trimmingCharacters(in: .whitespaces), !raw.isEmpty { vehicle["modelYear"] = FormInput.integer(raw) ?? 0 }
            return vehicle.isEmpty ? nil : vehicle
        }
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var form: Form
        var classes: [Option]
        var usages: [Option]
        var today: String
        /// Problems not tied to a vehicle field, listed at the top.
        var errors: [PageError]
        /// Problems of the vehicle's fields, shown under each field (keyed by the form's names).
        var vehicleErrors: [String: PageError]
        var isSample: Bool
        var action = SiteURL.thirdPartyProposal.path
    }

    private func render(_ req: Request, form: Form, errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
        let today = req.bimeh.clock.today()
        let tariff = try ThirdPartyTariff.forYear(today.year)
        let context = Context(
            chrome: PageChrome(req, title: "پیشنهاد بیمهٔ شخص ثالث"), form: form,
            classes: tariff.vehicleClasses.map { Option(code: $0.code, label: "\($0.label) — \(Rial(amount: $0.basePremium.amount).persianFormatted) ریال", selected: $0.code == form.vehicleClass) },
            usages: tariff.usages.map { Option(code: $0.code, label: $0.label, selected: $0.code == (form.usage ?? "private")) },
            today: today.description, errors: errors.filter { Self.vehicleField($0.field) == nil },
            vehicleErrors: Dictionary(errors.compactMap { e in Self.vehicleField(e.field).map { ($0, e) } }) { first, _ in first },
            isSample: tariff.isSample)
        return try await req.page("quotes/third-party", context, status: status)
    }

    /// The form field an API field path names, when it is one of the vehicle's.
    static func vehicleField(_ path: String) -> String? {
        let name = path.hasPrefix("inputs.vehicle.") ? String(path.dropFirst("inputs.vehicle.".count))
            : path == "inputs.plate" ? "plate" : path
        return Form.vehicleFields.contains(name) && path.hasPrefix("inputs.") ? name : nil
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await render(req, form: Form(claimFreeYears: "0", financialClaims: "0", bodilyClaims: "0", vehicleAgeYears: "0",
                                         negativePoints: "0", extraTrailers: "0", financialCover: "0"), errors: [], status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let principal = try req.principal
        let today = req.bimeh.clock.today()
        var errors: [PageError] = []
        let code = Normalize.identifier(form.nationalCode ?? "")
        var customerID: UUID?
        if !code.isEmpty, let customer = try await CustomerRegistry.find(identifier: code, for: principal, on: req.db) {
            customerID = customer.id
        } else {
            errors.append(PageError(code: "unknown-customer", field: "nationalCode",
                                    message: "بیمه‌گذار با کد «\(code)» ثبت نشده است؛ اول او را از صفحهٔ «ثبت مشتری» ثبت کنید."))
        }
        var inputs: [String: Any] = [
            "vehicleClass": form.vehicleClass ?? "", "usage": form.usage ?? "private", "issueDate": today.description,
            "firstRegistration": form.firstRegistration != nil, "safeDrivingCourse": form.safeDrivingCourse != nil,
            "missingInspection": form.missingInspection != nil, "driverAccident": form.driverAccident != nil,
        ]
        // a number left empty or mistyped is left out, so the product reports it as required
        let numbers = [("claimFreeYears", form.claimFreeYears), ("financialClaims", form.financialClaims), ("bodilyClaims", form.bodilyClaims),
                       ("vehicleAgeYears", form.vehicleAgeYears), ("negativePoints", form.negativePoints), ("extraTrailers", form.extraTrailers),
                       ("financialCover", form.financialCover)]
        for (key, raw) in numbers { if let value = FormInput.integer(raw) { inputs[key] = value } }
        let previous = Normalize.digits(form.previousPolicyEndDate ?? "").trimmingCharacters(in: .whitespaces)
        if !previous.isEmpty { inputs["previousPolicyEndDate"] = previous }
        if let vehicle = form.vehicle { inputs["vehicle"] = vehicle }
        guard errors.isEmpty else { return try await render(req, form: form, errors: errors, status: .unprocessableEntity) }
        let request = QuoteDesk.Request(product: ThirdPartyDesk.product, customerID: customerID, date: today,
                                        inputs: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]))
        do {
            let products = req.bimeh.products
            let priced = try DomainErrorMapping.validating { try QuoteDesk.price(request, principal: principal, products: products, purchaseDay: today) }
            let quote = try await req.write { work in try await QuoteDesk.create(request, priced: priced, principal: principal, in: work) }
            return req.redirect(to: WebPath.quote(try quote.requireID()))
        } catch let error as AppError where error.status.code < 500 {
            return try await render(req, form: form, errors: PageError.list(error), status: error.status)
        }
    }
}

/// `/authenticity`: anyone checks a third-party policy by its unique code (R-TP-13).
struct AuthenticityPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.authenticity, use: page)
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var code: String
        var asked: Bool
        var authentic: Bool
        var policyNumber: String?
        var coverFrom: String?
        var coverTo: String?
        var vehicle: ThirdPartyDesk.PublicVehicle?
        var productTitle: String?
        var persons: [PublicPerson] = []
        var insuredCount: Int?
        var action = SiteURL.authenticity.path
        /// Issued, then cancelled: the day its cover stopped (24:00), shown with the number and product only.
        var cancelledFrom: String?
    }

    @Sendable func page(req: Request) async throws -> Response {
        let code = String((req.query[String.self, at: "code"] ?? "").uppercased().filter { $0.isLetter || $0.isNumber }.prefix(32))
        var context = Context(chrome: PageChrome(req, title: "استعلام اصالت بیمه‌نامه"), code: code, asked: !code.isEmpty, authentic: false)
        if code.count == 16, let policy = try await Policy.query(on: req.db).filter(\.$uniqueCode == code).first(), policy.status == .issued {
            context.authentic = true
            context.policyNumber = policy.printedNumber
            context.coverFrom = policy.startDate
            context.coverTo = policy.endDate
            context.vehicle = ThirdPartyDesk.publicVehicle(of: policy)
            context.productTitle = try? req.bimeh.products.line(policy.product).title
            let persons = req.bimeh.products.hooks(policy.product).publicPersons(policy)
            context.persons = persons?.listed ?? []
            context.insuredCount = persons?.count
        } else if code.count == 16, let policy = try await Policy.query(on: req.db).filter(\.$uniqueCode == code).first(),
                  policy.status == .cancelled {
            context.policyNumber = policy.printedNumber
            context.productTitle = try? req.bimeh.products.line(policy.product).title
            context.coverFrom = policy.startDate
            context.cancelledFrom = (try? StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation"))?
                .outcome.effectiveDate.description ?? "—"
        }
        return try await req.page("authenticity", context)
    }
}
