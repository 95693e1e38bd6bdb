import Fluent
import InsuranceKit
import Vapor

/// The accountant's page of cheques and slips awaiting a verdict (R-P-05), and the printed
/// papers of payments: cheque receipt, bank slip, payment order.
struct PaymentPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.accountant, .head, .admin], web: true)).get(.cheques, use: cheques)
        routes.grouped(RequireRole(Self.listReaders, web: true)).get(.payments, use: list)
        let accountant = routes.grouped(RequireRole([.accountant], web: true))
        accountant.post(.paymentVerdict(.key, .collect), use: collect)
        accountant.post(.paymentVerdict(.key, .bounce), use: bounce)
        accountant.post(.paymentOrderPaid(.key), use: markOrderPaid)
        let readers = routes.grouped(RequireRole(PolicyAccess.readers, web: true))
        readers.get(.receipt(.key), use: receipt)
        readers.get(.bankSlip(.key), use: slip)
        readers.get(.paymentOrder(.key), use: paymentOrder)
    }

    struct ChequeRow: Encodable {
        var id: String
        var collectHref = ""
        var bounceHref = ""
        var kind: String
        var number: String
        var bank: String
        var dueDate: String
        var amount: Int64
        var policyNumber: String
        var policyHref: String
        /// The policyholder, so the accountant can tell whose cheque it is.
        var customer = ""
        var customerHref = ""
        var receiptNumber: String
        var due: Bool
        /// A bank slip: its payment id is shown and the bank's tracking number asked for.
        var slip: Bool
    }

    struct ChequesContext: Encodable {
        var chrome: PageChrome
        var rows: [ChequeRow]
        var total: Int64
        var today: String
        var notice: String?
        /// R-CL-10: payment orders accounting has still to pay, oldest first.
        var orders: [OrderRow] = []
        var paymentsHref = WebPath.payments
    }

    struct OrderRow: Encodable {
        var href: String
        var number: String
        var date: String
        var purpose: String
        var payee: String
        var amount: Int64
    }

    static func purposeTitle(_ purpose: String?) -> String {
        switch purpose {
        case PaymentOrderDesk.Purpose.claim.rawValue: "خسارت"
        case PaymentOrderDesk.Purpose.expertFee.rawValue: "حق‌الزحمهٔ کارشناس"
        default: "برگشت حق بیمه"
        }
    }

    @Sendable func cheques(req: Request) async throws -> Response {
        let today = req.bimeh.clock.today()
        let open = try await Payment.query(on: req.db).group(.or) { $0.filter(\.$status == .held).filter(\.$status == .pending) }
            .with(\.$policy) { $0.with(\.$customer) }.sort(\.$chequeDueDate).sort(\.$createdAt).limit(500).all()
        let rows = try open.map { p in
            let due = (p.chequeDueDate.flatMap { try? JalaliDate(parsing: $0) }).map { $0 <= today } ?? true
            let paymentID = try p.requireID()
            return ChequeRow(id: paymentID.uuidString, collectHref: WebPath.paymentVerdict(paymentID, .collect), bounceHref: WebPath.paymentVerdict(paymentID, .bounce), kind: p.method == .cheque ? "چک" : "فیش بانکی", number: p.chequeNumber ?? p.slipID ?? "—",
                             bank: p.chequeBank ?? "—", dueDate: p.chequeDueDate ?? p.paidOn, amount: p.amount,
                             policyNumber: p.policy.printedNumber ?? "در انتظار صدور", policyHref: WebPath.policy(try p.policy.requireID()),
                             customer: p.policy.customer.displayName, customerHref: WebPath.customer(try p.policy.customer.requireID()),
                             receiptNumber: p.receiptNumber ?? "—", due: due, slip: p.method == .bankSlip)
        }
        let unpaid = try await PaymentOrder.query(on: req.db).filter(\.$paidOn == nil).sort(\.$createdAt).limit(200).all()
        let context = ChequesContext(chrome: PageChrome(req, title: "چک‌ها و فیش‌های در انتظار وصول"), rows: rows,
                                     total: try Rial.sum(rows.map { Rial(amount: $0.amount) }).amount, today: today.description,
                                     notice: req.query[String.self, at: "done"].map { $0 == "bounce" ? "برگشت چک ثبت شد." : "وصول ثبت شد." },
                                     orders: try unpaid.map { o in
                                         OrderRow(href: WebPath.paymentOrder(try o.requireID()), number: o.printedNumber, date: o.orderDate,
                                                  purpose: Self.purposeTitle(o.purpose), payee: o.payee, amount: o.amount)
                                     })
        return try await req.page("accounting/cheques", context)
    }

    @Sendable func collect(req: Request) async throws -> Response { try await settle(req, .collect) }
    @Sendable func bounce(req: Request) async throws -> Response { try await settle(req, .bounce) }

    private func settle(_ req: Request, _ verdict: PaymentDesk.Verdict) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("پرداخت") }
        let tracking = try? req.content.get(String.self, at: "trackingNumber")
        _ = try await req.write { work in try await PaymentDesk.settle(id, verdict: verdict, tracking: tracking, in: work) }
        return req.redirect(to: WebPath.cheques + "?done=\(verdict.rawValue)")
    }

    struct PaperContext: Encodable {
        var chrome: PageChrome
        var payment: PaymentView
        var policyNumber: String
        var customerName: String
        var customerCode: String
        var insurerAccount: String
        /// The product's copies and subject of a cheque receipt.
        var paper = ReceiptPaper()
        /// The amount in Persian words, beside the figures.
        var amountInWords = ""
    }

    private func paper(_ req: Request, template: String, title: String) async throws -> Response {
        let principal = try req.principal
        guard let id = req.parameters.get("id", as: UUID.self), let payment = try await Payment.find(id, on: req.db) else { throw AppError.notFound("پرداخت") }
        let policy = try await PolicyAccess.policy(payment.$policy.id, for: principal, on: req.db)
        let customer = try await policy.$customer.get(on: req.db)
        var context = PaperContext(chrome: PageChrome(req, title: title), payment: PaymentView(payment),
                                   policyNumber: policy.printedNumber ?? "در انتظار صدور", customerName: customer.displayName,
                                   customerCode: customer.identifier, insurerAccount: "حساب جاری شمارهٔ ۰۱۰۰۰۰۰۰۰۰۰۰ نزد بانک ملی (نمونه)")
        context.paper = try await req.bimeh.products.hooks(policy.product).receiptPaper(policy, payment: payment, on: req.db)
        context.amountInWords = Rial(amount: payment.amount).inWords
        return try await req.page(template, context)
    }

    @Sendable func receipt(req: Request) async throws -> Response { try await paper(req, template: "payments/receipt", title: "قبض رسید چک") }
    @Sendable func slip(req: Request) async throws -> Response { try await paper(req, template: "payments/slip", title: "فیش واریز بانکی") }

    struct OrderContext: Encodable {
        var chrome: PageChrome
        var order: PaymentOrderDetail
        var policyNumber: String
        var copies: [String]
        /// R-CL-10: the accountant's form, while the order is unpaid.
        var canMarkPaid: Bool
        var paidHref: String
        /// An order issued without the payee's IBAN (refunds) may take it when paid.
        var askIBAN: Bool
        var today: String
        var errors: [PageError]
        var form: PaidForm
    }

    struct PaidForm: Content {
        var transferReference: String?
        var paidOn: String?
        var iban: String?
    }

    @Sendable func paymentOrder(req: Request) async throws -> Response {
        let order = try await PaymentOrderController.visibleOrder(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        return try await renderOrder(req, order, errors: [], form: PaidForm(), status: .ok)
    }

    private func renderOrder(_ req: Request, _ order: PaymentOrder, errors: [PageError], form: PaidForm, status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.principal
        guard let policyID = order.$policy.id else { throw AppError.notFound("حواله") }
        let policy = try await PolicyAccess.policy(policyID, for: principal, on: req.db)
        let context = OrderContext(chrome: PageChrome(req, title: "حوالهٔ پرداخت \(order.printedNumber)"), order: try PaymentOrderDetail(order),
                                   policyNumber: policy.printedNumber ?? "", copies: PaymentOrderDesk.recipients(of: order),
                                   canMarkPaid: PaymentOrderDesk.payers.contains(principal.role) && order.paidOn == nil,
                                   paidHref: WebPath.paymentOrderPaid(try order.requireID()), askIBAN: order.iban == nil,
                                   today: req.bimeh.clock.today().description, errors: errors, form: form)
        return try await req.page("payments/order", context, status: status)
    }

    /// R-CL-10: the accountant marks the order paid (the same command as the API's).
    @Sendable func markOrderPaid(req: Request) async throws -> Response {
        let order = try await PaymentOrderController.visibleOrder(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        let id = try order.requireID()
        let form = (try? req.content.decode(PaidForm.self)) ?? PaidForm()
        let principal = try req.principal
        do {
            let command = try MarkPaymentOrderPaid(.init(transferReference: form.transferReference, paidOn: form.paidOn, iban: form.iban))
            _ = try await req.write { work in try await command.run(orderID: id, principal: principal, in: work) }
            return req.redirect(to: WebPath.paymentOrder(id))
        } catch let error as AppError where error.status.code < 500 && error.status != .notFound && error.status != .forbidden {
            let fresh = try await PaymentOrderController.visibleOrder(id, for: principal, on: req.db)
            return try await renderOrder(req, fresh, errors: PageError.list(error), form: form, status: error.status)
        }
    }
}
