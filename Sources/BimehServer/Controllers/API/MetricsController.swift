import Vapor
import Metrics
import Prometheus

/// Process-wide Prometheus registry. swift-metrics allows one bootstrap per process, and the
/// test suite starts many applications in one process, so the bootstrap happens once here.
enum MetricsBootstrap {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// `GET /metrics` in Prometheus text format: Vapor's request counters and durations, and ours.
/// Route names and volumes are operational detail, so only the scraper's token
/// (`BIMEH_METRICS_TOKEN`) or a signed-in admin reads them.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.metrics, use: metrics)
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        try allow(req)
        var buffer: [UInt8] = []
        MetricsBootstrap.registry.emit(into: &buffer)
        let response = Response(status: .ok, body: .init(data: Data(buffer)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }
}

extension MetricsController {
    func allow(_ req: Request) throws {
        if let principal = req.auth.get(Principal.self) {
            guard principal.role == .admin else { throw AppError.forbidden }
            return
        }
        guard let token = req.bimeh.config.metricsToken else { throw AppError.unauthenticated }
        guard let sent = req.headers.bearerAuthorization?.token,
              Secrets.constantTimeEquals(sent, token) else { throw AppError.unauthenticated }
    }
}
