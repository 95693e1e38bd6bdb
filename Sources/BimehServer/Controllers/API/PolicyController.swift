import Fluent
import Vapor
import InsuranceKit

/// The policy lifecycle over HTTP (API.md): register, pay, issue, endorse, cancel, renew.
struct PolicyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.issuer, .agent])).post(.api(.policies), use: register)
        routes.grouped(RequireRole(PolicyAccess.readers)).get(.api(.policy(.key)), use: show)
        routes.grouped(RequireRole([.issuer, .accountant])).post(.api(.policyStep(.key, .payments)), use: pay)
        let issuer = routes.grouped(RequireRole([.issuer]))
        issuer.post(.api(.policyStep(.key, .issue)), use: issue)
        issuer.post(.api(.policyStep(.key, .endorsements)), use: endorse)
        issuer.post(.api(.policyStep(.key, .cancellation)), use: cancel)
        routes.grouped(RequireRole([.issuer, .agent])).post(.api(.policyStep(.key, .renewal)), use: renew)
        let accountant = routes.grouped(RequireRole([.accountant]))
        accountant.post(.api(.paymentVerdict(.key, .collect)), use: collect)
        accountant.post(.api(.paymentVerdict(.key, .bounce)), use: bounce)
        routes.grouped(RequireRole(BrokerContracts.readers)).get(.api(.brokerContracts), use: brokerContracts)
    }

    /// R-G-09: `?on=YYYY/MM/DD` (default today).
    @Sendable func brokerContracts(req: Request) async throws -> [BrokerContracts.Row] {
        var day = req.bimeh.clock.today()
        if let on = req.query[String.self, at: "on"] {
            do { day = try JalaliDate(parsing: on) } catch let e as DomainError { throw AppError.validation(e, field: "on") }
        }
        return try await BrokerContracts.unlicensed(on: day, db: req.db)
    }

    // MARK: register

    struct RegisterPolicy: StrictRequestBody {
        static let fields: Set<String> = ["quoteId", "customerId", "startDate", "endDate", "payment", "brokerId"]
        var quoteId: String?
        var customerId: String?
        var startDate: String?
        var endDate: String?
        var payment: PaymentPlanBody?
        var brokerId: String?
    }

    struct RegisteredView: Content {
        var id: UUID?
        var status: String
        var premium: Int64
        var version: Int
        var schedule: [ScheduleView]
    }

    @Sendable func register(req: Request) async throws -> Response {
        let body = try req.decodeStrict(RegisterPolicy.self)
        var reader = FieldReader()
        let quoteID = reader.id(body.quoteId, "quoteId", code: "unknown-quote")
        let customerID = reader.id(body.customerId, "customerId", code: "unknown-customer")
        let start = reader.date(body.startDate, "startDate"), end = reader.date(body.endDate, "endDate")
        let plan = body.payment.map { $0.read(into: &reader) } ?? reader.missing("payment")
        let brokerID = body.brokerId.flatMap { reader.id($0, "brokerId", code: "unknown-broker") }
        try reader.throwIfAny()
        guard let quoteID, let customerID, let start, let end, let plan else { throw AppError.malformedJSON }
        let term: PolicyTerm
        do { term = try PolicyTerm(from: start, to: end) } catch let e as DomainError { throw AppError.validation(e, field: "endDate") }
        let principal = try req.principal
        let payrollDeduction = body.payment?.payrollDeduction ?? false
        return try await req.writeResponse { work in
            let policy = try await PolicyRegistration.register(.init(quoteID: quoteID, customerID: customerID, term: term, plan: plan,
                                                                     payrollDeduction: payrollDeduction, brokerID: brokerID),
                                                               principal: principal, in: work)
            return try await Self.registeredResponse(policy, on: work.db)
        }
    }

    private static func registeredResponse(_ policy: Policy, on db: any Database) async throws -> Response {
        let policyID = try policy.requireID()
        let schedule = try await ScheduleEntry.query(on: db).filter(\.$policy.$id == policyID).sort(\.$seq).all()
        let view = RegisteredView(id: policy.id, status: policy.status.rawValue, premium: policy.premium, version: policy.version,
                                  schedule: schedule.map { ScheduleView(dueDate: $0.dueDate, amount: $0.amount, kind: $0.kind) })
        let response = Response(status: .created)
        try response.content.encode(view, as: .json)
        response.headers.set(.eTag, "\"\(policy.version)\"")
        return response
    }

    // MARK: read

    @Sendable func show(req: Request) async throws -> Response {
        let policy = try await PolicyAccess.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        var asOf = req.bimeh.clock.today()
        if let on = req.query[String.self, at: "on"] {
            do { asOf = try JalaliDate(parsing: on) } catch let e as DomainError { throw AppError.validation(e, field: "on") }
        }
        let response = try await PolicyView.load(policy, asOf: asOf, products: req.bimeh.products, on: req.db).encodeResponse(for: req)
        response.headers.set(.eTag, "\"\(policy.version)\"")
        return response
    }

    // MARK: payments

    struct RecordPaymentBody: StrictRequestBody {
        static let fields: Set<String> = ["method", "amount", "paidOn", "cheque", "endorsementId", "installment"]
        var method: String?
        var amount: Int64?
        var paidOn: String?
        var cheque: Cheque?
        var endorsementId: String?
        var installment: Int?

        struct Cheque: Codable, Sendable {
            var number: String?
            var bank: String?
            var dueDate: String?
            var account: String?
        }
    }

    @Sendable func pay(req: Request) async throws -> Response {
        let body = try req.decodeStrict(RecordPaymentBody.self)
        let command = try RecordPayment(.init(
            method: body.method, amount: body.amount, paidOn: body.paidOn,
            cheque: body.cheque.map { .init(number: $0.number, bank: $0.bank, dueDate: $0.dueDate, account: $0.account) }, endorsementId: body.endorsementId, installment: body.installment))
        guard let policyID = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("بیمه‌نامه") }
        let principal = try req.principal
        let ifMatch = req.headers.first(name: .ifMatch)
        return try await req.writeAnswer(status: .created) { work in
            PaymentView(try await command.run(policyID: policyID, ifMatch: ifMatch, principal: principal, in: work))
        }
    }

    struct SettleBody: StrictRequestBody {
        static let fields: Set<String> = ["trackingNumber"]
        var trackingNumber: String?
    }

    struct SettledView: Content {
        var id: UUID?
        var status: String
    }

    @Sendable func collect(req: Request) async throws -> Response { try await settle(req, .collect) }
    @Sendable func bounce(req: Request) async throws -> Response { try await settle(req, .bounce) }

    private func settle(_ req: Request, _ verdict: PaymentDesk.Verdict) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("پرداخت") }
        // a bank slip is confirmed with the bank's tracking number: `{"trackingNumber": …}`
        let tracking = req.body.data == nil ? nil : try req.decodeStrict(SettleBody.self).trackingNumber
        return try await req.writeAnswer { work in
            let payment = try await PaymentDesk.settle(id, verdict: verdict, tracking: tracking, in: work)
            return SettledView(id: payment.id, status: payment.status.rawValue)
        }
    }

    // MARK: issue

    struct IssuedView: Content {
        var id: UUID?
        var number: String?
        var status: String
        var coverFrom: Date
        var coverTo: Date
        var issueDate: String?
        var version: Int
        /// Third party: the code of the public authenticity inquiry (R-TP-13).
        var uniqueCode: String?
    }

    @Sendable func issue(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("بیمه‌نامه") }
        let principal = try req.principal
        let ifMatch = req.headers.first(name: .ifMatch)
        return try await req.writeResponse { work in
            let policy = try await IssueDesk.issue(id, ifMatch: ifMatch, principal: principal, in: work)
            let term = try PolicyTerm(from: try JalaliDate(parsing: policy.startDate), to: try JalaliDate(parsing: policy.endDate))
            let view = IssuedView(id: policy.id, number: policy.printedNumber, status: policy.status.rawValue,
                                  coverFrom: term.coverBegins, coverTo: term.coverEnds, issueDate: policy.issueDate, version: policy.version,
                                  uniqueCode: policy.uniqueCode)
            let response = Response(status: .ok)
            try response.content.encode(view, as: .json)
            response.headers.set(.eTag, "\"\(policy.version)\"")
            return response
        }
    }

    // MARK: endorsements

    struct Endorse: StrictRequestBody {
        static let fields: Set<String> = ["effectiveDate", "kind", "changes", "description"]
        var effectiveDate: String?
        var kind: String?
        var changes: AnyJSON?
        var description: String?
    }

    struct EndorsedView: Content {
        var id: UUID?
        var number: Int
        var kind: String
        var status: String
        var premiumDelta: Int64
        var paymentOrder: PaymentOrderView?
    }

    @Sendable func endorse(req: Request) async throws -> Response {
        let body = try req.decodeStrict(Endorse.self)
        let command = try EndorsePolicy(.init(effectiveDate: body.effectiveDate, kind: body.kind, description: body.description,
                                              changes: try req.rawJSONMember("changes")))
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("بیمه‌نامه") }
        let principal = try req.principal
        let ifMatch = req.headers.first(name: .ifMatch)
        return try await req.writeAnswer(status: .created) { work in
            let outcome = try await command.run(policyID: id, ifMatch: ifMatch, principal: principal, in: work)
            let e = outcome.endorsement
            return EndorsedView(id: e.id, number: e.number, kind: e.kind, status: e.status.rawValue, premiumDelta: e.premiumDelta,
                                paymentOrder: outcome.paymentOrder.map(PaymentOrderView.init))
        }
    }

    // MARK: cancellation

    struct Cancel: StrictRequestBody {
        static let fields: Set<String> = ["initiatedBy", "noticeDate", "reason"]
        var initiatedBy: String?
        var noticeDate: String?
        var reason: String?
    }

    struct CancelledView: Content {
        var effectiveDate: String
        var method: String
        var elapsedDays: Int
        var retained: Int64
        var refund: Int64
        var owed: Int64
        var paymentOrder: PaymentOrderView?
    }

    @Sendable func cancel(req: Request) async throws -> Response {
        let body = try req.decodeStrict(Cancel.self)
        let command = try CancelPolicy(.init(initiatedBy: body.initiatedBy, noticeDate: body.noticeDate, reason: body.reason))
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("بیمه‌نامه") }
        let principal = try req.principal
        let ifMatch = req.headers.first(name: .ifMatch)
        return try await req.writeAnswer { work in
            let (record, order) = try await command.run(policyID: id, ifMatch: ifMatch, principal: principal, in: work)
            let o = record.outcome
            return CancelledView(effectiveDate: o.effectiveDate.description, method: o.method, elapsedDays: o.elapsedDays,
                                 retained: o.retained.amount, refund: o.refund.amount, owed: o.owed.amount, paymentOrder: order.map(PaymentOrderView.init))
        }
    }

    // MARK: renewal

    struct Renew: StrictRequestBody {
        static let fields: Set<String> = ["payment"]
        var payment: PaymentPlanBody?
    }

    @Sendable func renew(req: Request) async throws -> Response {
        let body = try req.decodeStrict(Renew.self)
        var reader = FieldReader()
        let plan = body.payment.map { $0.read(into: &reader) } ?? reader.missing("payment")
        try reader.throwIfAny()
        guard let plan, let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("بیمه‌نامه") }
        let principal = try req.principal
        let windowDays = req.bimeh.config.renewalWindowDays
        return try await req.writeResponse { work in
            let policy = try await RenewalDesk.renew(id, plan: plan, windowDays: windowDays, principal: principal, in: work)
            return try await Self.registeredResponse(policy, on: work.db)
        }
    }
}
