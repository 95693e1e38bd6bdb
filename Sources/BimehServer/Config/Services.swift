import Vapor
import Fluent

/// The application's own services, set once in `configure`.
struct BimehServices: Sendable {
    let config: AppConfig
    let store: Store
    /// Bearer tokens resolved recently (API requests only; web sessions always read the database).
    let principals = PrincipalCache()
    /// Rate limits of the public eligibility channels.
    let limiters: PublicLimiters
    /// Password sign-in throttles and the bound on concurrent bcrypt checks.
    let signIns: SignInGuard
    let sms: any SMSGateway
    /// The eligibility inquiry's read path.
    let entitlements: any EntitlementReader
    /// Who confirms a driving licence (R-TP-02): local checks, then the authority's service if configured.
    let licenceAuthority: any LicenceAuthority

    init(config: AppConfig, store: Store, client: any Client) {
        self.config = config
        self.store = store
        limiters = PublicLimiters(config.publicLimits)
        signIns = SignInGuard(config.signIn)
        sms = config.sms.makeGateway(client: client, clock: store.clock)
        licenceAuthority = config.licenceAuthority
        switch config.storage {
        case .sqlite(let path): entitlements = DirectSQLiteEntitlementReader(path: path)
        case .postgres(let url, let searchPath): entitlements = CachedEntitlementReader(url: url, searchPath: searchPath)
        }
    }
    var clock: BimehClock { store.clock }
    var products: ProductBook { store.products }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = BimehServices }

    var bimeh: BimehServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:config:) was not called") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var bimeh: BimehServices { application.bimeh }

    /// Runs a change as the signed-in user, audited and in one transaction.
    func write<T: Sendable>(_ body: @escaping @Sendable (UnitOfWork) async throws -> T) async throws -> T {
        try await bimeh.store.write(on: db, actor: auditActor, requestID: id, kind: route.map { "\($0.method) \($0.path)" }, body)
    }

    var auditActor: AuditActor {
        if let principal = auth.get(Principal.self) {
            return AuditActor(userID: principal.userID, name: principal.username)
        }
        return AuditActor(userID: nil, name: "anonymous")
    }
}
