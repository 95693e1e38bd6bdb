import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The admin's user commands: add a user with a role, change a role, disable. Each is audited
/// (R-G-07); an admin never disables or demotes themself (the system would lose its last key).
enum UserDesk {
    struct NewUser: Sendable {
        var username: String
        var displayName: String
        var role: Role
        var passwordHash: String
        var agencyCode: String?
    }

    /// Reads the add-user form: every problem at once (422), before the password is hashed.
    static func read(username: String?, displayName: String?, role: String?, password: String?, agencyCode: String?) throws
        -> (username: String, displayName: String, role: Role, password: String, agencyCode: String?) {
        var reader = FieldReader()
        let name = (username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if name.isEmpty { reader.add("username", "required", "نام کاربری را وارد کنید.") }
        else if name.count > 100 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            reader.add("username", "invalid-username", "نام کاربری فقط حروف و ارقام لاتین، نقطه، خط تیره و زیرخط است (حداکثر ۱۰۰ نویسه).")
        }
        let display = Normalize.text(displayName ?? "")
        if display.isEmpty { reader.add("displayName", "required", "نام و نام خانوادگی کاربر را وارد کنید.") }
        else if display.count > 200 { reader.add("displayName", "too-long", "نام حداکثر ۲۰۰ نویسه است.") }
        let parsed = role.flatMap(Role.init(rawValue:))
        if parsed == nil { reader.add("role", "unknown-role", "نقش را از فهرست برگزینید.") }
        if (password ?? "").count < 8 { reader.add("password", "weak-password", "گذرواژه دست‌کم ۸ نویسه است.") }
        let agency = agencyCode.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if parsed == .agent && agency == nil { reader.add("agencyCode", "agency-required", "برای نماینده، کد نمایندگی را وارد کنید.") }
        try reader.throwIfAny()
        guard let parsed else { throw AppError.malformedJSON }
        return (name, display, parsed, password ?? "", parsed == .agent ? agency : nil)
    }

    static func create(_ new: NewUser, in work: UnitOfWork) async throws -> User {
        if try await User.query(on: work.db).filter(\.$username == new.username).count() > 0 {
            throw AppError(.conflict, code: "username-taken", detail: "نام کاربری «\(new.username)» پیش‌تر ثبت شده است.",
                           errors: [FieldError(field: "username", code: "username-taken", message: "این نام کاربری پیش‌تر ثبت شده است.")])
        }
        var agencyID: UUID?
        if let code = new.agencyCode {
            guard let agency = try await Agency.query(on: work.db).filter(\.$code == code).first() else {
                throw AppError.validation([FieldError(field: "agencyCode", code: "unknown-agency", message: "نمایندگی با این کد ثبت نشده است.")])
            }
            agencyID = agency.id
        }
        let user = User(username: new.username, passwordHash: new.passwordHash, role: new.role, displayName: new.displayName, agencyID: agencyID)
        try await user.create(on: work.db)
        try await work.audit("user.created", entity: "user", id: try user.requireID().uuidString,
                             after: ["username": new.username, "role": new.role.rawValue, "agencyId": agencyID?.uuidString ?? ""])
        return user
    }

    static func changeRole(_ id: UUID?, to raw: String?, by admin: Principal, in work: UnitOfWork) async throws -> User {
        let user = try await find(id, on: work.db)
        guard let role = raw.flatMap(Role.init(rawValue:)) else {
            throw AppError.validation([FieldError(field: "role", code: "unknown-role", message: "نقش را از فهرست برگزینید.")])
        }
        if user.id == admin.userID && role != .admin {
            throw AppError.conflict("own-role", "نقش خودتان را نمی‌توانید تغییر دهید.")
        }
        if role == .agent && user.$agency.id == nil {
            throw AppError.conflict("agency-required", "نماینده باید به یک نمایندگی وابسته باشد؛ کاربر تازه‌ای با کد نمایندگی بسازید.")
        }
        let before = user.role
        guard before != role else { return user }
        user.role = role
        try await user.save(on: work.db)
        try await work.audit("user.role-changed", entity: "user", id: try user.requireID().uuidString,
                             before: ["role": before.rawValue], after: ["role": role.rawValue])
        return user
    }

    /// Disables the account and ends its sessions and API tokens; returns the revoked token ids.
    static func disable(_ id: UUID?, by admin: Principal, in work: UnitOfWork) async throws -> [UUID] {
        let user = try await find(id, on: work.db)
        if user.id == admin.userID { throw AppError.conflict("own-account", "حساب خودتان را نمی‌توانید غیرفعال کنید.") }
        guard user.active else { return [] }
        user.active = false
        try await user.save(on: work.db)
        let userID = try user.requireID()
        let tokens = try await AuthToken.query(on: work.db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).all()
        for token in tokens { try await Credentials.revoke(tokenID: try token.requireID(), in: work) }
        try await work.audit("user.disabled", entity: "user", id: userID.uuidString, before: ["active": "true"], after: ["active": "false"])
        return tokens.compactMap(\.id)
    }

    private static func find(_ id: UUID?, on db: any Database) async throws -> User {
        guard let id, let user = try await User.find(id, on: db) else { throw AppError.notFound("کاربر") }
        return user
    }
}
