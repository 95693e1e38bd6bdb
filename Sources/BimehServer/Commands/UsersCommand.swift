import Vapor
import InsuranceKit
import Fluent

/// `bimeh users create --role R --username U [--password P] [--name N] [--agency CODE]`.
struct UsersCommand: AsyncCommandGroup {
    var help: String { "Manage users" }
    var commands: [String: any AnyAsyncCommand] { ["create": CreateUserCommand()] }
}

struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "role", help: "admin, issuer, claims, head, accountant, agent, provider or customer")
        var role: String?
        @Option(name: "username", help: "Sign-in name")
        var username: String?
        @Option(name: "password", help: "Password (or BIMEH_NEW_PASSWORD, or asked for)")
        var password: String?
        @Option(name: "name", help: "Display name")
        var name: String?
        @Option(name: "agency", help: "Agency code (agents only)")
        var agency: String?
        init() {}
    }

    var help: String { "Create a user with a role" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let roleName = signature.role, let role = Role(rawValue: roleName) else {
            context.console.error("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(2)
        }
        guard let username = signature.username.map(Normalize.username), !username.isEmpty, username.count <= 100 else {
            context.console.error("--username is required")
            throw ExitCode(2)
        }
        let password = signature.password ?? ProcessInfo.processInfo.environment["BIMEH_NEW_PASSWORD"]
            ?? context.console.ask("Password for \(username): ", isSecure: true)
        guard password.count >= 8 else {
            context.console.error("The password must have at least 8 characters.")
            throw ExitCode(2)
        }
        var agencyID: UUID?
        if role == .agent {
            guard let code = signature.agency, let agency = try await Agency.query(on: app.db).filter(\.$code == code).first() else {
                context.console.error("An agent needs --agency with an existing agency code.")
                throw ExitCode(2)
            }
            agencyID = agency.id
        }
        if try await User.query(on: app.db).filter(\.$username == username).count() > 0 {
            context.console.error("User '\(username)' already exists.")
            throw ExitCode(1)
        }
        let hash = try await Credentials.hash(password, cost: app.bimeh.config.bcryptCost, on: app)
        let agency = agencyID
        let user = User(username: username, passwordHash: hash, role: role, displayName: signature.name ?? username, agencyID: agency)
        try await app.bimeh.store.write(on: app.db, actor: .system("cli"), requestID: nil) { work in
            try await user.create(on: work.db)
            try await work.audit("user.created", entity: "user", id: try user.requireID().uuidString,
                                 after: ["username": username, "role": role.rawValue, "agencyId": agency?.uuidString ?? ""])
        }
        context.console.print("User '\(username)' created with role \(role.rawValue).")
    }
}
