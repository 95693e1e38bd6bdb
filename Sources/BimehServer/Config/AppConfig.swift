import Foundation
import InsuranceKit

/// Every setting Bimeh reads from its environment, decoded once at start-up.
/// Development defaults let `bimeh serve --demo` run with nothing set.
public struct AppConfig: Sendable {
    public enum Storage: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String, searchPath: [String]?)
    }

    public var storage: Storage
    /// `--demo`: seed the demo users and data, allow `BIMEH_TODAY`.
    public var demo: Bool
    /// A fixed "today" for demonstrations (API.md, "Demo clock"); only with `demo`.
    public var fixedToday: JalaliDate?
    /// bcrypt work factor; tests lower it so that hashing stays fast.
    public var bcryptCost: Int
    public var apiTokenLifetime: TimeInterval
    public var webSessionLifetime: TimeInterval
    /// Largest request body collected for any route.
    public var maxBodySize: Int
    /// Secure cookies when served behind TLS.
    public var secureCookies: Bool
    /// The central registry's endpoint for third-party events (R-TP-13); nil keeps them queued.
    public var registryURL: String?
    /// The licence authority's endpoint (R-TP-02); nil keeps the local checks only.
    public var licenceURL: String?
    /// How long a licence check may wait for the authority before the registration is refused as unavailable.
    var licenceTimeout: TimeInterval = 5
    /// Where credit-code messages go (R-EL-02).
    var sms: SMSSettings = .logFile(path: "sms-outbox.log")
    /// Inquiries a new credit code allows (R-EL-02).
    public var creditCodeQuota = 20
    /// How long a visit's HID may be presented by a pharmacy or paraclinic (R-EL-05).
    public var hidValidDays = HealthID.validDays
    /// Shared key the USSD gateway sends in `X-Gateway-Key`; nil accepts any caller (development).
    public var ussdGatewayKey: String?
    /// Bearer token a metrics scraper sends to read `/metrics` (`BIMEH_METRICS_TOKEN`); without
    /// it only a signed-in admin reads them.
    public var metricsToken: String?
    /// A connection that sends and receives nothing for this long is closed
    /// (`BIMEH_IDLE_TIMEOUT_SECONDS`): a client that opens a request and goes silent holds nothing.
    public var idleTimeoutSeconds: Int64 = 30
    var publicLimits = PublicRateLimits()
    /// The key audit checkpoints are signed with (`BIMEH_AUDIT_SIGNING_KEY`).
    var auditSigningKey = AuditSigningKey(key: .init(), configured: false)
    /// How often a serving process publishes a checkpoint (`BIMEH_AUDIT_CHECKPOINT_SECONDS`, 0: never).
    public var auditCheckpointSeconds = 60
    /// Set for `bimeh serve`: only a serving process publishes checkpoints on its own.
    public var publishesCheckpoints = false
    /// R-P-09: renewal opens this many days before a policy's end (`BIMEH_RENEWAL_WINDOW_DAYS`).
    public var renewalWindowDays = CoverDates.defaultRenewalWindowDays
    /// How long an `Idempotency-Key` stays held by a request in flight (`BIMEH_IDEMPOTENCY_LEASE_SECONDS`):
    /// a retry within it gets 409 in-progress, a retry after it (the first died) runs afresh.
    public var idempotencyLease: TimeInterval = 30
    /// Password sign-in throttling (per username and per address) and concurrent bcrypt checks.
    var signIn = SignInGuard.Settings()
    /// The products sold: the standard book, or more in tests.
    var products: ProductBook = .standard
    /// The letterhead of printed documents and the public address of their QR codes.
    public var print = PrintSettings()
    /// Replaces the clock built from `fixedToday` (tests that move the date during a flow).
    var clock: BimehClock?

    public init(
        storage: Storage = .sqlite(path: "bimeh.sqlite"),
        demo: Bool = false,
        fixedToday: JalaliDate? = nil,
        bcryptCost: Int = 12,
        apiTokenLifetime: TimeInterval = 8 * 3600,
        webSessionLifetime: TimeInterval = 8 * 3600,
        maxBodySize: Int = 256 * 1024,
        secureCookies: Bool = false,
        registryURL: String? = nil
    ) {
        self.storage = storage
        self.demo = demo
        self.fixedToday = fixedToday
        self.bcryptCost = bcryptCost
        self.apiTokenLifetime = apiTokenLifetime
        self.webSessionLifetime = webSessionLifetime
        self.maxBodySize = maxBodySize
        self.secureCookies = secureCookies
        self.registryURL = registryURL
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the environment. A present but unusable variable stops start-up with a message naming it.
    public static func fromEnvironment(_ env: [String: String], demo: Bool) throws -> AppConfig {
        var config = AppConfig(demo: demo)
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw Invalid(description: "DATABASE_URL must be a postgres:// URL (got '\(url)'); leave it unset for SQLite.")
            }
            config.storage = .postgres(url: url, searchPath: nil)
        } else if let path = env["BIMEH_SQLITE_PATH"], !path.isEmpty {
            config.storage = .sqlite(path: path)
        }
        if let today = env["BIMEH_TODAY"], !today.isEmpty {
            guard demo else {
                throw Invalid(description: "BIMEH_TODAY is only allowed with --demo; a production server always uses the real date.")
            }
            do { config.fixedToday = try JalaliDate(parsing: today) } catch {
                throw Invalid(description: "BIMEH_TODAY must be a Jalali date YYYY/MM/DD (got '\(today)').")
            }
        }
        if let cost = env["BIMEH_BCRYPT_COST"], !cost.isEmpty {
            guard let n = Int(cost), (4...31).contains(n) else {
                throw Invalid(description: "BIMEH_BCRYPT_COST must be a whole number from 4 to 31 (got '\(cost)').")
            }
            config.bcryptCost = n
        }
        if env["BIMEH_SECURE_COOKIES"] == "1" { config.secureCookies = true }
        if let registry = env["BIMEH_REGISTRY_URL"], !registry.isEmpty {
            guard registry.hasPrefix("http://") || registry.hasPrefix("https://") else {
                throw Invalid(description: "BIMEH_REGISTRY_URL must be an http(s) URL (got '\(registry)').")
            }
            config.registryURL = registry
        }
        if let licence = env["BIMEH_LICENCE_URL"], !licence.isEmpty {
            guard licence.hasPrefix("http://") || licence.hasPrefix("https://") else {
                throw Invalid(description: "BIMEH_LICENCE_URL must be an http(s) URL (got '\(licence)').")
            }
            config.licenceURL = licence
        }
        if let url = env["BIMEH_SMS_URL"], !url.isEmpty {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw Invalid(description: "BIMEH_SMS_URL must be an http(s) URL (got '\(url)').")
            }
            config.sms = .http(url: url, token: env["BIMEH_SMS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
        } else if let path = env["BIMEH_SMS_LOG"], !path.isEmpty {
            config.sms = .logFile(path: path)
        }
        if let quota = env["BIMEH_CREDIT_QUOTA"], !quota.isEmpty {
            guard let n = Int(quota), (1...10_000).contains(n) else {
                throw Invalid(description: "BIMEH_CREDIT_QUOTA must be a whole number from 1 to 10000 (got '\(quota)').")
            }
            config.creditCodeQuota = n
        }
        if let key = env["BIMEH_USSD_KEY"], !key.isEmpty { config.ussdGatewayKey = key }
        if let token = env["BIMEH_METRICS_TOKEN"], !token.isEmpty { config.metricsToken = token }
        do { config.auditSigningKey = try AuditSigningKey.fromEnvironment(env["BIMEH_AUDIT_SIGNING_KEY"]) } catch {
            throw Invalid(description: String(describing: error))
        }
        if let raw = env["BIMEH_AUDIT_CHECKPOINT_SECONDS"], !raw.isEmpty {
            guard let seconds = Int(raw), (0...86_400).contains(seconds) else {
                throw Invalid(description: "BIMEH_AUDIT_CHECKPOINT_SECONDS must be whole seconds from 0 (never) to 86400")
            }
            config.auditCheckpointSeconds = seconds
        }
        if let raw = env["BIMEH_IDLE_TIMEOUT_SECONDS"], !raw.isEmpty {
            guard let seconds = Int64(raw), (1...3600).contains(seconds) else {
                throw Invalid(description: "BIMEH_IDLE_TIMEOUT_SECONDS must be whole seconds from 1 to 3600")
            }
            config.idleTimeoutSeconds = seconds
        }
        if let window = env["BIMEH_RENEWAL_WINDOW_DAYS"], !window.isEmpty {
            guard let n = Int(window), (0...366).contains(n) else {
                throw Invalid(description: "BIMEH_RENEWAL_WINDOW_DAYS must be a whole number from 0 to 366 (got '\(window)').")
            }
            config.renewalWindowDays = n
        }
        if let lease = env["BIMEH_IDEMPOTENCY_LEASE_SECONDS"], !lease.isEmpty {
            guard let n = Int(lease), (1...3600).contains(n) else {
                throw Invalid(description: "BIMEH_IDEMPOTENCY_LEASE_SECONDS must be a whole number from 1 to 3600 (got '\(lease)').")
            }
            config.idempotencyLease = TimeInterval(n)
        }
        if let lockAfter = env["BIMEH_SIGNIN_LOCK_AFTER"], !lockAfter.isEmpty {
            guard let n = Int(lockAfter), (2...1000).contains(n) else {
                throw Invalid(description: "BIMEH_SIGNIN_LOCK_AFTER must be a whole number from 2 to 1000 (got '\(lockAfter)').")
            }
            config.signIn.username.lockAfter = n
            config.signIn.username.freeFailures = min(config.signIn.username.freeFailures, n - 1)
        }
        if let minutes = env["BIMEH_SIGNIN_LOCK_MINUTES"], !minutes.isEmpty {
            guard let n = Int(minutes), (1...1440).contains(n) else {
                throw Invalid(description: "BIMEH_SIGNIN_LOCK_MINUTES must be a whole number from 1 to 1440 (got '\(minutes)').")
            }
            config.signIn.username.lockFor = TimeInterval(n * 60)
            config.signIn.address.lockFor = TimeInterval(n * 60)
        }
        if let hashes = env["BIMEH_SIGNIN_HASHES"], !hashes.isEmpty {
            guard let n = Int(hashes), (1...64).contains(n) else {
                throw Invalid(description: "BIMEH_SIGNIN_HASHES must be a whole number from 1 to 64 (got '\(hashes)').")
            }
            config.signIn.concurrentHashes = n
        }
        config.print = try PrintSettings.fromEnvironment(env)
        return config
    }
}
