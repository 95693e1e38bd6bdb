import Vapor

/// `bimeh migrate`, `bimeh seed demo|eligibility`, `bimeh users create`, `bimeh audit verify`,
/// `bimeh eligibility import`, `bimeh bench` (Vapor adds `serve`, `routes`).
func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateDatabaseCommand(), as: "migrate")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(UsersCommand(), as: "users")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(EligibilityCommand(), as: "eligibility")
    app.asyncCommands.use(TariffsCommand(), as: "tariffs")
    app.asyncCommands.use(BrokersCommand(), as: "brokers")
    app.asyncCommands.use(ReportsCommand(), as: "reports")
    app.asyncCommands.use(NotifyCommand(), as: "notify")
    app.asyncCommands.use(BenchCommand(), as: "bench")
}
