import Fluent
import InsuranceKit
import Vapor

/// Payment orders over HTTP (R-CL-10): one order as printed, and accounting marking it paid —
/// refunds, claims and experts' fees alike; a claim's order moves its file to `paid`.
struct PaymentOrderController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(PolicyAccess.readers)).get(.api(.paymentOrder(.key)), use: show)
        routes.grouped(RequireRole(PaymentOrderDesk.payers)).post(.api(.paymentOrderPaid(.key)), use: paid)
    }

    struct Paid: StrictRequestBody {
        static let fields: Set<String> = ["transferReference", "paidOn", "iban"]
        var transferReference: String?
        var paidOn: String?
        var iban: String?
    }

    /// The body read once for both API routes (the order's, the claim file's).
    static func paidCommand(_ req: Request) throws -> MarkPaymentOrderPaid {
        let body = (req.body.data?.readableBytes ?? 0) > 0 ? try req.decodeStrict(Paid.self) : Paid()
        return try MarkPaymentOrderPaid(.init(transferReference: body.transferReference, paidOn: body.paidOn, iban: body.iban))
    }

    /// An order is seen by whoever may see its policy (an agent only their own: 404 otherwise).
    static func visibleOrder(_ id: UUID?, for principal: Principal, on db: any Database) async throws -> PaymentOrder {
        guard let id, let order = try await PaymentOrder.find(id, on: db), let policyID = order.$policy.id else { throw AppError.notFound("حواله") }
        _ = try await PolicyAccess.policy(policyID, for: principal, on: db)
        return order
    }

    @Sendable func show(req: Request) async throws -> PaymentOrderDetail {
        try PaymentOrderDetail(try await Self.visibleOrder(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db))
    }

    @Sendable func paid(req: Request) async throws -> Response {
        let command = try Self.paidCommand(req)
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        return try await req.writeAnswer { work in try PaymentOrderDetail(try await command.run(orderID: id, principal: principal, in: work)) }
    }
}
