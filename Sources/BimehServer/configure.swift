import Vapor
import Fluent
import Leaf
import LeafKit

/// Builds the application: database, services, middleware, views and routes.
public func configure(_ app: Application, config: AppConfig) async throws {
    _ = MetricsBootstrap.registry
    let engine = try DatabaseSetup.configure(app, storage: config.storage)
    app.bimeh = BimehServices(config: config, store: Store(engine: engine, gate: WriteGate(), clock: config.clock ?? BimehClock(fixedToday: config.fixedToday), products: config.products,
                                                                          sequencer: AuditSequencer(logger: app.logger)), client: app.client)
    app.migrations.add(BimehMigrations.all)
    for middleware in RowSeals.middleware() { app.databases.middleware.use(middleware) }
    try await DatabaseSetup.prepare(app, engine: engine)

    ContentConfiguration.global.use(encoder: JSONCoding.encoder, for: .json)
    app.routes.defaultMaxBodySize = ByteCount(value: config.maxBodySize)
    app.http.server.configuration.reportMetrics = true
    app.http.server.configuration.idleTimeout = .seconds(config.idleTimeoutSeconds)

    // Replace Vapor's default middleware: our error middleware must see every error.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware(logLevel: .info))
    app.middleware.use(RequestIDMiddleware())
    // outside the error middleware, so that error pages and problem answers carry the headers too
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(BimehErrorMiddleware())
    // inside the error middleware: only a POST that succeeded sends the SMS it queued
    app.middleware.use(NotificationDeliveryMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware(table: RouteMethods { [routes = app.routes] in
        routes.all.map { (path: $0.path, method: $0.method.rawValue) }
    }))

    app.views.use(.leaf)
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio, limits: [.toSandbox, .onlyLeafExtensions],
        sandboxDirectory: Resources.viewsDirectory, viewDirectory: Resources.viewsDirectory))
    app.leaf.tags["fa"] = PersianDigitsTag()
    app.leaf.tags["rial"] = RialTag()
    app.leaf.tags["fielderror"] = FieldErrorTag()
    app.leaf.tags["fieldaria"] = FieldAriaTag()

    try routes(app)
    registerCommands(app)
    app.lifecycle.use(TariffFilesLifecycle())
    if config.publishesCheckpoints {
        // a serving process drains what no writer waited for (PostgreSQL)
        app.lifecycle.use(AuditSequencerLifecycle(interval: .seconds(1)))
    }
    app.lifecycle.use(EntitlementListenerLifecycle())
    if config.publishesCheckpoints, config.auditCheckpointSeconds > 0 {
        app.lifecycle.use(AuditCheckpointLifecycle(publisher: AuditCheckpointPublisher(app: app, every: .seconds(config.auditCheckpointSeconds))))
    }
    if let registry = config.registryURL {
        app.lifecycle.use(RegistryDeliveryLifecycle(delivery: RegistryDelivery(app: app, endpoint: registry)))
    }
}

/// Where the bundled templates and stylesheet live, independent of the working directory.
enum Resources {
    /// The package's `Resources` folder, copied whole into the module's bundle.
    static var directory: String { Bundle.module.bundleURL.appendingPathComponent("Resources").path + "/" }
    static var viewsDirectory: String { directory + "Views/" }
    static var publicDirectory: String { directory + "Public/" }
}

/// JSON as the API writes it: ISO 8601 instants, unescaped slashes (dates are `1403/05/12`).
enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
}
