import Vapor
import InsuranceKit

struct CustomerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.issuer, .agent])).post(.api(.customers), use: create)
        let readers = routes.grouped(RequireRole([.admin, .issuer, .agent, .claims, .head, .accountant]))
        readers.get(.api(.customers), use: search)
        readers.get(.api(.customer(.key)), use: show)
        routes.grouped(RequireRole(CustomerDesk.editors)).on(.PATCH, .api(.customer(.key)), use: edit)
    }

    /// 200 with the edited customer; 422 with every wrong field, nothing stored.
    @Sendable func edit(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("مشتری") }
        let input = try req.decodeStrict(EditCustomer.Input.self)
        let principal = try req.principal
        return try await req.writeAnswer { work in
            CustomerSnapshot(try await CustomerDesk.edit(id, input: input, principal: principal, in: work))
        }
    }

    /// 201 with the new customer, or 200 with the one already registered under that code (R-G-08).
    @Sendable func create(req: Request) async throws -> Response {
        let fields = try RegisterCustomer.fields(try req.decodeStrict(RegisterCustomer.Input.self), today: req.bimeh.clock.today())
        let principal = try req.principal
        return try await req.writeResponse { work in
            let outcome = try await CustomerRegistry.register(fields, principal: principal, in: work)
            let response = Response(status: outcome.created ? .created : .ok)
            try response.content.encode(CustomerSnapshot(outcome.customer), as: .json)
            if let id = outcome.customer.id { response.headers.set(.location, "/api/v1/customers/\(id)") }
            return response
        }
    }

    @Sendable func show(req: Request) async throws -> CustomerSnapshot {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("مشتری") }
        return CustomerSnapshot(try await CustomerRegistry.find(id, for: try req.principal, on: req.db))
    }

    @Sendable func search(req: Request) async throws -> Page<CustomerSnapshot> {
        let paging = try PageRequest(req)
        let q = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        let found = try await CustomerRegistry.search(q, for: try req.principal, page: paging.page, per: paging.per, on: req.db)
        return Page(items: found.items.map(CustomerSnapshot.init), page: paging.page, per: paging.per, total: found.total)
    }
}

extension CustomerSnapshot: Content {}

extension FieldError {
    init(_ error: DomainError) {
        self.init(field: error.field ?? "", code: error.code, message: error.message)
    }
}
