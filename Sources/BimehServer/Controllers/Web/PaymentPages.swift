import Fluent
import InsuranceKit
import Vapor

/// The accountant's page of cheques and slips awaiting a verdict (R-P-05), and the printed
/// papers of payments: cheque receipt, bank slip, payment order.
struct PaymentPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.accountant, .head, .admin], web: true)).get(.cheques, use: cheques)
        let accountant = routes.grouped(RequireRole([.accountant], web: true))
        accountant.post(.paymentVerdict(.key, .collect), use: collect)
        accountant.post(.paymentVerdict(.key, .bounce), use: bounce)
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
    }

    @Sendable func cheques(req: Request) async throws -> Response {
        let today = req.bimeh.clock.today()
        let open = try await Payment.query(on: req.db).group(.or) { $0.filter(\.$status == .held).filter(\.$status == .pending) }
            .with(\.$policy).sort(\.$chequeDueDate).sort(\.$createdAt).limit(500).all()
        let rows = try open.map { p in
            let due = (p.chequeDueDate.flatMap { try? JalaliDate(parsing: $0) }).map { $0 <= today } ?? true
            let paymentID = try p.requireID()
            return ChequeRow(id: paymentID.uuidString, collectHref: WebPath.paymentVerdict(paymentID, .collect), bounceHref: WebPath.paymentVerdict(paymentID, .bounce), kind: p.method == .cheque ? "چک" : "فیش بانکی", number: p.chequeNumber ?? p.slipID ?? "—",
                             bank: p.chequeBank ?? "—", dueDate: p.chequeDueDate ?? p.paidOn, amount: p.amount,
                             policyNumber: p.policy.printedNumber ?? "در انتظار صدور", policyHref: WebPath.policy(try p.policy.requireID()),
                             receiptNumber: p.receiptNumber ?? "—", due: due, slip: p.method == .bankSlip)
        }
        let context = ChequesContext(chrome: PageChrome(req, title: "چک‌ها و فیش‌های در انتظار وصول"), rows: rows,
                                     total: try Rial.sum(rows.map { Rial(amount: $0.amount) }).amount, today: today.description,
                                     notice: req.query[String.self, at: "done"].map { $0 == "bounce" ? "برگشت چک ثبت شد." : "وصول ثبت شد." })
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
    }

    private func paper(_ req: Request, template: String, title: String) async throws -> Response {
        let principal = try req.principal
        guard let id = req.parameters.get("id", as: UUID.self), let payment = try await Payment.find(id, on: req.db) else { throw AppError.notFound("پرداخت") }
        let policy = try await PolicyAccess.policy(payment.$policy.id, for: principal, on: req.db)
        let customer = try await policy.$customer.get(on: req.db)
        let context = PaperContext(chrome: PageChrome(req, title: title), payment: PaymentView(payment),
                                   policyNumber: policy.printedNumber ?? "در انتظار صدور", customerName: customer.displayName,
                                   customerCode: customer.identifier, insurerAccount: "حساب جاری شمارهٔ ۰۱۰۰۰۰۰۰۰۰۰۰ نزد بانک ملی (نمونه)")
        return try await req.page(template, context)
    }

    @Sendable func receipt(req: Request) async throws -> Response { try await paper(req, template: "payments/receipt", title: "قبض رسید چک") }
    @Sendable func slip(req: Request) async throws -> Response { try await paper(req, template: "payments/slip", title: "فیش واریز بانکی") }

    struct OrderContext: Encodable {
        var chrome: PageChrome
        var order: PaymentOrderView
        var policyNumber: String
        var copies: [String]
    }

    @Sendable func paymentOrder(req: Request) async throws -> Response {
        let principal = try req.principal
        guard let id = req.parameters.get("id", as: UUID.self), let order = try await PaymentOrder.find(id, on: req.db),
              let policyID = order.$policy.id else { throw AppError.notFound("حواله") }
        let policy = try await PolicyAccess.policy(policyID, for: principal, on: req.db)
        let context = OrderContext(chrome: PageChrome(req, title: "حوالهٔ پرداخت \(order.printedNumber)"), order: PaymentOrderView(order),
                                   policyNumber: policy.printedNumber ?? "", copies: PaymentOrderDesk.recipients(of: order))
        return try await req.page("payments/order", context)
    }
}
