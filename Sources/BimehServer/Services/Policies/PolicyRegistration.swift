import Fluent
import Foundation
import InsuranceKit

/// Registering a policy from an accepted quote, with its payment plan (R-P-01, R-P-04).
enum PolicyRegistration {
    struct Request: Sendable {
        var quoteID: UUID
        var customerID: UUID
        var term: PolicyTerm
        var plan: PaymentPlan
        /// R-P-04: a legal person deducting the premium from salaries (where the product allows it).
        var payrollDeduction = false
        /// R-G-09: the broker the policy is sold through; nil for a direct or agency sale.
        var brokerID: UUID? = nil
    }

    static func register(_ request: Request, principal: Principal, in work: UnitOfWork, renewalOf: UUID? = nil) async throws -> Policy {
        guard let quote = try await PolicyAccess.quote(request.quoteID, for: principal, on: work.db) else {
            throw AppError.validation([FieldError(field: "quoteId", code: "unknown-quote", message: "استعلام (پیشنهاد) با این شناسه پیدا نشد.")])
        }
        guard quote.status == .quoted else {
            throw AppError.conflict("quote-already-used", "این استعلام پیش‌تر برای بیمه‌نامهٔ دیگری به کار رفته یا رد شده است؛ استعلام تازه بگیرید.")
        }
        let customer = try await QuoteDesk.customer(request.customerID, for: principal, on: work.db)
        if let quoted = quote.$customer.id, quoted != customer.id {
            throw AppError.validation([FieldError(field: "customerId", code: "customer-mismatch", message: "این استعلام برای مشتری دیگری صادر شده است.")])
        }
        let product = try work.products.line(quote.product)
        try work.products.hooks(quote.product).checkRegistration(inputs: quote.inputs, customer: customer)
        try PolicyTermRule.check(request.term, years: product.termYears(normalizedInputs: Data(quote.inputs.utf8)))
        try DomainErrorMapping.validating(defaultField: "startDate") {
            try CoverDates.checkStart(request.term, registeredOn: JalaliDate(date: work.now))
            if product.termStartsOnPurchaseDay, renewalOf == nil {
                try CoverDates.checkPurchaseDayStart(request.term, purchasedOn: JalaliDate(date: work.now))
            }
        }
        var premium = Rial(amount: quote.total)
        let today = JalaliDate(date: work.now)
        let schedule: [ScheduledPayment]
        do {
            let rules = try paymentRules(product: product, customer: customer, payrollDeduction: request.payrollDeduction) ?? product.paymentPlans
            schedule = try InstallmentSchedule.schedule(premium: premium, plan: request.plan, rules: rules, startingOn: today)
        } catch let error as DomainError {
            throw AppError.validation(error, field: "payment")
        }
        // a multi-year product charges its own schedule over the term (e.g. one premium a year)
        let own = try work.products.hooks(quote.product).premiumSchedule(quoted: premium, inputs: quote.inputs, term: request.term, plan: request.plan)
        if let own { premium = try Rial.sum(own.map(\.amount)) }
        let channel = try await saleChannel(request.brokerID, agencyID: quote.$agency.id, today: today, on: work.db)
        let policy = Policy()
        policy.version = 1
        policy.channel = channel
        policy.brokerID = request.brokerID
        policy.product = quote.product
        policy.status = .registered
        policy.startDate = request.term.start.description
        policy.endDate = request.term.end.description
        policy.premium = premium.amount
        policy.annualPremium = quote.total
        policy.sumInsured = quote.sumInsured
        policy.franchisePercent = quote.franchisePercent
        policy.inputs = quote.inputs
        policy.lines = quote.lines
        switch request.plan {
        case .cash:
            policy.plan = "cash"
        case .installments(let down, let count):
            policy.plan = "installments"
            policy.downPayment = down.amount
            policy.installmentCount = count
        }
        policy.$quote.id = try quote.requireID()
        policy.$customer.id = try customer.requireID()
        policy.$agency.id = quote.$agency.id
        policy.$renewalOf.id = renewalOf
        policy.$createdBy.id = principal.userID
        try await policy.create(on: work.db)
        let policyID = try policy.requireID()
        try await PolicySearchTerms.record(policy, in: work)
        for (index, entry) in (own ?? schedule).enumerated() {
            let row = ScheduleEntry()
            row.$policy.id = policyID
            row.seq = index + 1
            row.dueDate = entry.dueDate.description
            row.amount = entry.amount.amount
            row.kind = entry.kind.rawValue
            try await row.create(on: work.db)
        }
        quote.status = .used
        quote.$customer.id = customer.id
        try await quote.save(on: work.db)
        try await work.audit("policy.registered", entity: "policy", id: policyID.uuidString,
                             after: PolicySnapshot(policy, schedule: own ?? schedule))
        return policy
    }
}

/// Terms Bimeh sells: one year from the start date (R-G-04), as the annual tariffs assume, or the
/// whole years a multi-year line was priced for (term life, R-IL-02).
enum PolicyTermRule {
    static func check(_ term: PolicyTerm, years: Int = 1) throws {
        guard term.end == term.start.addingYears(years) else {
            let message = years == 1 ? "مدت بیمه‌نامه یک سال است: تاریخ پایان باید همان روز و ماه در سال بعد باشد."
                : "مدت بیمه‌نامه \(Normalize.persianDigits(String(years))) سال است: تاریخ پایان باید همان روز و ماه \(Normalize.persianDigits(String(years))) سال بعد باشد."
            throw AppError.validation([FieldError(field: "endDate", code: "invalid-term", message: message)])
        }
    }
}

/// What the audit trail keeps of a policy.
struct PolicySnapshot: Encodable, Sendable {
    var status: String
    var number: String?
    var premium: Int64
    var annualPremium: Int64
    var startDate: String
    var endDate: String
    var plan: String
    var version: Int
    var schedule: [String]?

    init(_ p: Policy, schedule: [ScheduledPayment]? = nil) {
        status = p.status.rawValue
        number = p.printedNumber
        premium = p.premium
        annualPremium = p.annualPremium
        startDate = p.startDate
        endDate = p.endDate
        plan = p.plan
        version = p.version
        self.schedule = schedule?.map { "\($0.dueDate) \($0.amount.amount)" }
    }
}

extension PolicyRegistration {
    /// R-P-04: the product's plans for a legal person deducting the premium from salaries; nil
    /// for the product's own rules.
    static func paymentRules(product: any ProductLine, customer: Customer, payrollDeduction: Bool) throws -> PaymentPlanRules? {
        guard payrollDeduction else { return nil }
        guard let plans = product.payrollDeductionPlans else {
            throw AppError.validation([FieldError(field: "payment.payrollDeduction", code: "not-applicable",
                                                  message: "کسر حق بیمه از حقوق کارکنان در «\(product.title)» پذیرفته نیست.")])
        }
        guard customer.kind == .legal else {
            throw AppError.validation([FieldError(field: "payment.payrollDeduction", code: "payroll-deduction-legal-only",
                                                  message: "پیش‌پرداخت ۲۵ درصدی فقط برای شخص حقوقی است که حق بیمه را از حقوق کارکنان کسر می‌کند.")])
        }
        return plans
    }
}

extension PolicyRegistration {
    /// R-G-09: the channel of a sale; through an online broker only with a licence valid today
    /// (422 `broker-unlicensed`, field `brokerId`).
    static func saleChannel(_ brokerID: UUID?, agencyID: UUID?, today: JalaliDate, on db: any Database) async throws -> SaleChannel {
        guard let brokerID else { return agencyID == nil ? .direct : .agency }
        guard let broker = try await Broker.find(brokerID, on: db) else {
            throw AppError.validation([FieldError(field: "brokerId", code: "unknown-broker", message: "کارگزاری با این شناسه ثبت نشده است.")])
        }
        if broker.online {
            do {
                try OnlineBrokerRule.checkSale(licenceNumber: broker.licenceNumber, licenceExpiry: try? JalaliDate(parsing: broker.licenceExpiry),
                                               saleDate: today)
            } catch let error as DomainError {
                throw AppError.validation([FieldError(field: "brokerId", code: error.code,
                                                      message: error.message + " (کارگزار «\(broker.name)»، اعتبار مجوز: \(Normalize.persianDigits(broker.licenceExpiry)))")])
            }
        }
        return .broker
    }
}
