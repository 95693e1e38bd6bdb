import Vapor

func routes(_ app: Application) throws {
    let api = app.grouped("api", "v1").grouped(BearerAuthenticator()).grouped(IdempotencyMiddleware())
    try api.register(collection: HealthController())
    try api.register(collection: OpenAPIController())
    try api.register(collection: AuthController())
    try api.register(collection: CustomerController())
    try api.register(collection: LetterController())
    try api.register(collection: QuoteController())
    try api.register(collection: PolicyController())
    try api.register(collection: ClaimController())
    try api.register(collection: TariffController())
    try api.register(collection: ThirdPartyController(authority: LocalLicenceChecks()))
    try app.register(collection: MetricsController())

    let web = app.grouped(SessionAuthenticator())
    try web.register(collection: AssetsController())
    try web.register(collection: LoginPages())
    try web.register(collection: AuthenticityPage())
    let signedIn = web.grouped(RequireRole(Set(Role.allCases), web: true)).grouped(CSRFMiddleware())
    try signedIn.register(collection: DashboardPages())
    try signedIn.register(collection: CustomerPages())
    try signedIn.register(collection: QuotePages())
    try signedIn.register(collection: ThirdPartyPages())
    try signedIn.register(collection: PolicyPages())
    try signedIn.register(collection: PaymentPages())
    try signedIn.register(collection: ClaimPages())
}
