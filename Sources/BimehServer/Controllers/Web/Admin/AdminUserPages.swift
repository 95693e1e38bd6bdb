import Fluent
import InsuranceKit
import Vapor

/// Users and roles: the list, add a user with a role, change a role, disable (UserDesk, audited).
struct AdminUserPages: RouteCollection {
    static let admins: Set<Role> = [.admin]

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireRole(Self.admins, web: true))
        admin.get(.admin(.users), use: list)
        admin.post(.admin(.users), use: create)
        admin.post(.admin(.userRole(.key)), use: changeRole)
        admin.post(.admin(.userDisable(.key)), use: disable)
    }

    struct Row: Encodable {
        var username: String
        var displayName: String
        var role: String
        var roleTitle: String
        var agency: String?
        var active: Bool
        var isSelf: Bool
        var roleAction: String
        var disableAction: String
    }

    struct RoleOption: Encodable { var code: String; var title: String }

    struct Form: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var password: String?
        var agencyCode: String?
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var rows: [Row]
        var roles: [RoleOption]
        var createAction = SiteURL.admin(.users).path
        var form: [String: String] = [:]
        var errors: [String: String] = [:]
        var banner: [PageError] = []
        var notice: String?
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await render(req, notice: req.query[String.self, at: "done"].map(Self.notice))
    }

    static func notice(_ code: String) -> String {
        switch code {
        case "created": "کاربر ساخته شد."
        case "role": "نقش کاربر تغییر کرد."
        case "disabled": "کاربر غیرفعال شد و نشست‌هایش بسته شد."
        default: "انجام شد."
        }
    }

    private func render(_ req: Request, form: Form? = nil, error: AppError? = nil, notice: String? = nil) async throws -> Response {
        let principal = try req.principal
        let agencies = Dictionary(uniqueKeysWithValues: try await Agency.query(on: req.db).all().compactMap { a in a.id.map { ($0, a.name) } })
        let users = try await User.query(on: req.db).sort(\.$username).all()
        let rows = try users.map { u in
            let id = try u.requireID()
            return Row(username: u.username, displayName: u.displayName, role: u.role.rawValue, roleTitle: u.role.title,
                       agency: u.$agency.id.flatMap { agencies[$0] }, active: u.active, isSelf: id == principal.userID,
                       roleAction: SiteURL.admin(.userRole(.value(id))).path, disableAction: SiteURL.admin(.userDisable(.value(id))).path)
        }
        var context = Context(chrome: PageChrome(req, title: "کاربران و نقش‌ها"), rows: rows,
                              roles: Role.allCases.map { RoleOption(code: $0.rawValue, title: $0.title) }, notice: notice)
        if let form {
            context.form = ["username": form.username ?? "", "displayName": form.displayName ?? "", "role": form.role ?? "", "agencyCode": form.agencyCode ?? ""]
        }
        if let error {
            for e in error.errors { context.errors[e.field] = e.message }
            if error.errors.isEmpty { context.banner = PageError.list(error) }
        }
        return try await req.page("admin/users", context, status: error?.status ?? .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        do {
            let read = try UserDesk.read(username: form.username, displayName: form.displayName, role: form.role, password: form.password, agencyCode: form.agencyCode)
            let hash = try await Credentials.hash(read.password, cost: req.bimeh.config.bcryptCost, on: req.application)
            let new = UserDesk.NewUser(username: read.username, displayName: read.displayName, role: read.role, passwordHash: hash, agencyCode: read.agencyCode)
            _ = try await req.write { work in try await UserDesk.create(new, in: work) }
        } catch let error as AppError {
            return try await render(req, form: form, error: error)
        }
        return req.redirect(to: SiteURL.admin(.users).path + "?done=created", redirectType: .normal)
    }

    @Sendable func changeRole(req: Request) async throws -> Response {
        let principal = try req.principal
        let id = req.parameters.get("id", as: UUID.self)
        let role = try? req.content.get(String.self, at: "role")
        do {
            _ = try await req.write { work in try await UserDesk.changeRole(id, to: role, by: principal, in: work) }
        } catch let error as AppError {
            return try await render(req, error: error)
        }
        return req.redirect(to: SiteURL.admin(.users).path + "?done=role", redirectType: .normal)
    }

    @Sendable func disable(req: Request) async throws -> Response {
        let principal = try req.principal
        let id = req.parameters.get("id", as: UUID.self)
        do {
            let revoked = try await req.write { work in try await UserDesk.disable(id, by: principal, in: work) }
            for token in revoked { req.bimeh.principals.remove(tokenID: token) }
        } catch let error as AppError {
            return try await render(req, error: error)
        }
        return req.redirect(to: SiteURL.admin(.users).path + "?done=disabled", redirectType: .normal)
    }
}
