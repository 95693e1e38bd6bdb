import Fluent
import InsuranceKit
import Vapor

/// One policy's page with everything the issuance expert does next: record a payment, issue,
/// endorse, cancel, renew, print. Each action is a form that posts back here.
struct PolicyPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.grouped(RequireRole(PolicyAccess.readers, web: true))
        readers.get(.policies, use: index)
        readers.get(.policy(.key), use: show)
        readers.get(.policyStep(.key, .print), use: print)
        readers.get(.cancellationLetter(.key), use: cancellationLetter)
        routes.grouped(RequireRole([.issuer, .accountant], web: true)).post(.policyStep(.key, .payments), use: pay)
        let issuer = routes.grouped(RequireRole([.issuer], web: true))
        issuer.post(.policyStep(.key, .issue), use: issue)
        issuer.post(.policyStep(.key, .endorsements), use: endorse)
        issuer.post(.policyStep(.key, .cancellation), use: cancel)
        routes.grouped(RequireRole([.issuer, .agent], web: true)).post(.policyStep(.key, .renewal), use: renew)
    }

    // MARK: list (PolicyPages+List.swift)

    static func statusTitle(_ status: String) -> String {
        PolicyStanding(rawValue: status)?.title ?? status
    }

    static func kindTitle(_ kind: String) -> String {
        switch kind {
        case "additional": "اضافی"
        case "refund": "برگشتی"
        case "non-financial": "غیرمالی"
        case "whole": "کل حق بیمه"
        case "down-payment": "پیش‌پرداخت"
        case "installment": "قسط"
        default: kind
        }
    }

    // MARK: view

    struct PaymentRow: Encodable {
        var method: String
        var amount: Int64
        var paidOn: String
        var status: String
        var receiptHref: String?
        var slipHref: String?
        var receiptNumber: String?
    }

    struct EndorsementRow: Encodable {
        var number: Int
        var kind: String
        var status: String
        var effectiveDate: String
        var delta: Int64
        var description: String
        var id: String
        var orderHref: String?
        var awaitingPayment: Bool
        var printHref: String? = nil
    }

    /// Where the page's forms post.
    struct Links: Encodable {
        var payments, issue, endorsements, cancellation, renewal, licence: String
        var cancellationLetter: String

        init(_ id: UUID) {
            payments = WebPath.policyStep(id, .payments)
            issue = WebPath.policyStep(id, .issue)
            endorsements = WebPath.policyStep(id, .endorsements)
            cancellation = WebPath.policyStep(id, .cancellation)
            renewal = WebPath.policyStep(id, .renewal)
            cancellationLetter = WebPath.cancellationLetter(id)
            licence = ""
        }
    }

    struct InstallmentOption: Encodable {
        var seq: Int
        var label: String
        var selected = false
    }

    struct ScheduleRow: Encodable {
        var dueDate: String
        var amount: Int64
        var kind: String
    }

    struct ShowContext: Encodable {
        var chrome: PageChrome
        var policy: PolicyView
        var statusTitle: String
        var customerName: String
        var customerCode: String
        var schedule: [ScheduleRow]
        /// R-P-03: the schedule lines a cheque may pay, in an installment plan.
        var installments: [InstallmentOption] = []
        var payments: [PaymentRow]
        var endorsements: [EndorsementRow]
        var open: Int64
        /// The payment form's values, kept as typed after its refusal.
        var pay: PaymentValues
        var links: Links
        var printHref: String
        var canPay: Bool
        var canIssue: Bool
        var canEndorse: Bool
        var canCancel: Bool
        var canRenew: Bool
        /// R-P-09: the first day renewal is possible, when that day has not come yet.
        var renewalOpens: String? = nil
        var today: String
        var errors: [PageError]
        var notice: String?
        var cancellationOrderHref: String?
        var quoteHref: String
        /// The product's name, as the page's title.
        var productTitle = ""
        /// The insured items in force: the endorsement form keeps, removes and adds to them.
        var currentItems: [QuotePages.DisplayItem] = []
        /// Whether the product lists insured items (the endorsement form offers a new list).
        var hasItems = false
        var needsLicence: Bool
        var licence: String?
        /// Lines that insure persons: the persons with what is left of each cover, and their change form.
        var persons: PersonsPanel? = nil
        /// The product's own steps (ProductSection), e.g. a group contract's member list.
        var section: ProductSection? = nil
        /// The product's own pages for this policy (e.g. a group's member endorsement).
        var productPages: [PersonsPanel.Letter] = []
        /// What the account owes the customer (a refund sent to accounting without a payment order).
        var credit: Int64 = 0
        /// A registered policy: what happens next and who does it.
        var nextStep: String? = nil
        /// The SMS sent to the insured about this policy.
        var messages: [SentMessageRow] = []
    }

    @Sendable func show(req: Request) async throws -> Response {
        let policy = try await PolicyAccess.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        return try await render(req, policy, errors: [], notice: req.query[String.self, at: "done"].map(Self.notice), status: .ok)
    }

    static func notice(_ code: String) -> String {
        switch code {
        case "payment": "پرداخت ثبت شد."
        case "issued": "بیمه‌نامه صادر شد."
        case "endorsed": "الحاقیه ثبت شد."
        case "cancelled": "بیمه‌نامه فسخ شد."
        case "licence": "گواهینامه ثبت و تأیید شد."
        case "contract": "قرارداد شماره گرفت."
        case "members": "فهرست بیمه‌شدگان ثبت و ارزیابی پزشکی شد."
        case "final-premium": "الحاقیهٔ حق بیمهٔ قطعی صادر شد؛ اکنون چک آن را ثبت کنید."
        default: "انجام شد."
        }
    }

    private func render(_ req: Request, _ policy: Policy, errors: [PageError], notice: String?, payment: PaymentForm? = nil,
                        status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.principal
        let view = try await PolicyView.load(policy, asOf: req.bimeh.clock.today(), products: req.bimeh.products, on: req.db)
        let panel = try await req.bimeh.products.hooks(policy.product).policyPanel(policy, on: req.db)
        // the buttons are the lifecycle's answer for this role, today
        let allowed = PolicyAccess.actions(on: policy, for: principal, day: req.bimeh.clock.today())
        let customer = try await policy.$customer.get(on: req.db)
        let ledger = try await PolicyLedger.load(policy, on: req.db)
        let id = try policy.requireID()
        let orders = try await PaymentOrder.query(on: req.db).filter(\.$policy.$id == id).sort(\.$createdAt).all()
        let cancellationOrder = view.cancellation?.paymentOrderNumber.flatMap { number in orders.first { $0.printedNumber == number } }
        let payments = try await Payment.query(on: req.db).filter(\.$policy.$id == id).sort(\.$createdAt).all()
        var context = ShowContext(
            chrome: PageChrome(req, title: "بیمه‌نامه \(policy.printedNumber ?? "")"), policy: view,
            statusTitle: Self.statusTitle(view.status), customerName: customer.displayName, customerCode: customer.identifier,
            schedule: view.schedule.map { ScheduleRow(dueDate: $0.dueDate, amount: $0.amount, kind: Self.kindTitle($0.kind)) },
            payments: try payments.map { p in
                PaymentRow(method: p.method == .cheque ? "چک \(p.chequeNumber ?? "") — \(p.chequeBank ?? "")" : "فیش بانکی",
                           amount: p.amount, paidOn: p.paidOn, status: Self.paymentStatusTitle(p.status),
                           receiptHref: p.method == .cheque ? WebPath.receipt(try p.requireID()) : nil,
                           slipHref: p.method == .bankSlip ? WebPath.bankSlip(try p.requireID()) : nil, receiptNumber: p.receiptNumber)
            },
            endorsements: view.endorsements.map { e in
                EndorsementRow(number: e.number, kind: Self.kindTitle(e.kind), status: e.status == "issued" ? "صادرشده" : "در انتظار پرداخت",
                               effectiveDate: e.effectiveDate, delta: e.premiumDelta, description: e.description, id: e.id?.uuidString ?? "",
                               orderHref: e.paymentOrder?.id.map(WebPath.paymentOrder), awaitingPayment: e.status == "awaiting-payment",
                               printHref: e.id.map(WebPath.endorsementPrint))
            },
            open: (try? ledger.open().amount) ?? 0,
            pay: PaymentValues(payment, open: (try? ledger.open().amount) ?? 0, today: req.bimeh.clock.today().description), links: Links(id), printHref: WebPath.policyPrint(id),
            canPay: allowed.contains(.recordPayment), canIssue: allowed.contains(.issue), canEndorse: allowed.contains(.endorse),
            canCancel: allowed.contains(.cancel), canRenew: allowed.contains(.renew),
            today: req.bimeh.clock.today().description, errors: errors, notice: notice,
            cancellationOrderHref: cancellationOrder?.id.map(WebPath.paymentOrder), quoteHref: WebPath.quote(policy.$quote.id),
            needsLicence: panel.needsPrerequisite && allowed.contains(.registerLicence),
            licence: panel.recorded)
        // «بیمه رایانه» → «بیمه‌نامهٔ رایانه»: the document, not the line
        let line = try req.bimeh.products.line(policy.product).title
        context.links.licence = panel.formAction
        context.persons = panel.persons
        context.section = panel.section
        context.productPages = context.canEndorse ? panel.pages : []
        // a refund kept in the account (sent to accounting, no order) is a credit, not a negative balance
        if context.open < 0 {
            context.credit = -context.open
            context.open = 0
        }
        context.nextStep = PolicyNextStep.text(status: policy.status, ledger: ledger, prerequisitePending: panel.needsPrerequisite && panel.recorded == nil,
                                               waitingPayments: payments.contains { $0.status == .held || $0.status == .pending }, role: principal.role)
        context.productTitle = line.hasPrefix("بیمه ") ? "بیمه‌نامهٔ " + line.dropFirst("بیمه ".count) : line
        context.currentItems = QuotePages.displayItems(policy.inputs)
        context.messages = try await SentMessageRow.forPolicy(id, on: req.db)
        context.hasItems = !context.currentItems.isEmpty
        if context.canRenew, let end = try? JalaliDate(parsing: policy.endDate) {
            let opens = CoverDates.renewalOpens(end: end, windowDays: req.bimeh.config.renewalWindowDays)
            if req.bimeh.clock.today() < opens {
                context.canRenew = false
                context.renewalOpens = opens.description
            }
        }
        if policy.plan == "installments" {
            context.installments = view.schedule.enumerated().map { index, line in
                InstallmentOption(seq: index + 1, label: "قسط \(Normalize.persianDigits(String(index + 1))) — \(Normalize.persianDigits(line.dueDate)) — \(Rial(amount: line.amount).persianFormatted) ریال",
                                  selected: FormInput.integer(context.pay.installment) == Int64(index + 1))
            }
        }
        return try await req.page("policies/show", context, status: status)
    }

    static func paymentStatusTitle(_ status: Payment.Status) -> String {
        switch status {
        case .held: "چک نزد صدور"
        case .pending: "در انتظار تأیید بانک"
        case .collected: "وصول‌شده"
        case .bounced: "برگشتی"
        }
    }

    /// Runs an action; on a user-facing error the page is shown again with the message.
    /// `before` runs ahead of the transaction: for what waits on another service (the licence authority).
    func act(_ req: Request, done: String, payment: PaymentForm? = nil, before: (@Sendable (Principal) async throws -> Void)? = nil,
                     _ body: @escaping @Sendable (Principal, UnitOfWork) async throws -> Void) async throws -> Response {
        let principal = try req.principal
        let policy = try await PolicyAccess.policy(req.parameters.get("id", as: UUID.self), for: principal, on: req.db)
        do {
            if let before { try await DomainErrorMapping.validating(defaultField: "changes") { try await before(principal) } }
            let once = FormOnce.token(in: req)
            try await req.write { work in
                try await FormOnce.consume(once, userID: principal.userID, in: work)
                try await DomainErrorMapping.validating(defaultField: "changes") { try await body(principal, work) }
            }
            return req.redirect(to: WebPath.policy(try policy.requireID()) + "?done=\(done)")
        } catch let error as AppError where error.status.code < 500 || error.status == .serviceUnavailable {
            let fresh = try await PolicyAccess.policy(policy.id, for: principal, on: req.db)
            return try await render(req, fresh, errors: PageError.list(error), notice: nil, payment: payment, status: error.status)
        }
    }

    struct PaymentForm: Content {
        var method: String?
        var amount: String?
        var paidOn: String?
        var chequeNumber: String?
        var chequeBank: String?
        var chequeDueDate: String?
        var chequeAccount: String?
        var endorsementId: String?
        var installment: String?
    }

    @Sendable func pay(req: Request) async throws -> Response {
        let form = (try? req.content.decode(PaymentForm.self)) ?? PaymentForm()
        let given = [form.chequeNumber, form.chequeBank, form.chequeDueDate, form.chequeAccount].contains { !($0 ?? "").isEmpty }
        let id = req.parameters.get("id", as: UUID.self)
        return try await act(req, done: "payment", payment: form) { principal, work in
            guard let id else { throw AppError.notFound("بیمه‌نامه") }
            let input = RecordPayment.Input(
                method: form.method, amount: try FormInput.amount(form.amount, field: "amount"), paidOn: form.paidOn,
                cheque: given ? .init(number: form.chequeNumber, bank: form.chequeBank, dueDate: form.chequeDueDate, account: form.chequeAccount) : nil,
                endorsementId: form.endorsementId.flatMap { $0.isEmpty ? nil : $0 },
                installment: FormInput.integer(form.installment).flatMap { Int(exactly: $0) })
            _ = try await RecordPayment(input).run(policyID: id, ifMatch: nil, principal: principal, in: work)
        }
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        return try await act(req, done: "issued") { principal, work in
            guard let id else { throw AppError.notFound("بیمه‌نامه") }
            _ = try await IssueDesk.issue(id, ifMatch: nil, principal: principal, in: work)
        }
    }

    struct EndorseForm: Content {
        var effectiveDate: String?
        var description: String?
        /// New items to add.
        var items: [QuotePages.ItemRow]?
        /// Rows (0-based) of the items in force to remove.
        var remove: [String]?
    }

    @Sendable func endorse(req: Request) async throws -> Response {
        let form = (try? req.content.decode(EndorseForm.self)) ?? EndorseForm()
        let id = req.parameters.get("id", as: UUID.self)
        let policy = try await PolicyAccess.policy(id, for: try req.principal, on: req.db)
        let added = (form.items ?? []).compactMap { row -> [String: Any]? in
            let d = Normalize.text(row.description ?? ""), v = FormInput.integer(row.value)
            guard !d.isEmpty, let v else { return nil }
            var item: [String: Any] = ["description": d, "value": v]
            if let s = row.serial, !Normalize.text(s).isEmpty { item["serial"] = Normalize.text(s) }
            return item
        }
        let removed = Set((form.remove ?? []).compactMap { Int(Normalize.digits($0)) })
        // the full new list, as the API takes it: the items kept, then the ones added
        var changes: Data?
        if !added.isEmpty || !removed.isEmpty {
            let object = (try? JSONSerialization.jsonObject(with: Data(policy.inputs.utf8)) as? [String: Any]) ?? [:]
            let current = (object["items"] as? [[String: Any]]) ?? []
            let kept = current.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
            changes = try JSONSerialization.data(withJSONObject: ["items": kept + added], options: [.sortedKeys])
        }
        let input = EndorsePolicy.Input(effectiveDate: form.effectiveDate, description: form.description, changes: changes)
        return try await act(req, done: "endorsed") { principal, work in
            guard let id else { throw AppError.notFound("بیمه‌نامه") }
            _ = try await EndorsePolicy(input).run(policyID: id, ifMatch: nil, principal: principal, in: work)
        }
    }

    struct CancelForm: Content {
        var initiatedBy: String?
        var noticeDate: String?
        var reason: String?
    }

    @Sendable func cancel(req: Request) async throws -> Response {
        let form = (try? req.content.decode(CancelForm.self)) ?? CancelForm()
        let input = CancelPolicy.Input(initiatedBy: form.initiatedBy, noticeDate: form.noticeDate, reason: form.reason)
        let id = req.parameters.get("id", as: UUID.self)
        return try await act(req, done: "cancelled") { principal, work in
            guard let id else { throw AppError.notFound("بیمه‌نامه") }
            _ = try await CancelPolicy(input).run(policyID: id, ifMatch: nil, principal: principal, in: work)
        }
    }

    @Sendable func renew(req: Request) async throws -> Response {
        let principal = try req.principal
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("بیمه‌نامه") }
        let window = req.bimeh.config.renewalWindowDays
        let confirmed = (try? req.content.get(String.self, at: "confirm")) == "yes"
        do {
            // R-P-09: the web asks the issuer to confirm a new policy for the next term
            guard confirmed else {
                throw AppError.validation([FieldError(field: "confirm", code: "renewal-not-confirmed", message: "برای تمدید، ثبت بیمه‌نامهٔ تازه برای دورهٔ بعد را تأیید کنید.")])
            }
            let renewed = try await req.write { work in try await RenewalDesk.renew(id, plan: .cash, windowDays: window, principal: principal, in: work) }
            return req.redirect(to: WebPath.policy(try renewed.requireID()))
        } catch let error as AppError where error.status.code < 500 {
            let policy = try await PolicyAccess.policy(id, for: principal, on: req.db)
            return try await render(req, policy, errors: PageError.list(error), notice: nil, status: error.status)
        }
    }
}
