import Vapor

struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.health), use: health)
    }

    struct Health: Content { var status: String }

    /// Liveness only: no database round trip, so load balancers may poll it freely.
    @Sendable func health(req: Request) async throws -> Health {
        Health(status: "ok")
    }
}
