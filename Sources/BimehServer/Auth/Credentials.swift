import Vapor
import Fluent
import InsuranceKit

/// Passwords and tokens: checking a username/password, issuing and resolving tokens.
enum Credentials {
    /// A valid bcrypt hash of a random password, checked when the username does not exist so
    /// that a wrong username takes as long as a wrong password.
    private static let decoyHash: String = (try? Bcrypt.hash(Secrets.random(), cost: 12)) ?? ""

    static func hash(_ password: String, cost: Int, on app: Application) async throws -> String {
        try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// The active user with this username and password, or nil. bcrypt runs off the event loop,
    /// at most `SignInGuard.Settings.concurrentHashes` at once.
    static func check(username: String, password: String, clean: Bool = true, on req: Request) async throws -> User? {
        let user = try await user(named: username, on: req.db)
        let digest = user?.passwordHash ?? decoyHash
        let pool = req.application.threadPool
        let matches = await req.bimeh.signIns.hashing.run(clean: clean) {
            (try? await pool.runIfActive { try Bcrypt.verify(password, created: digest) }) ?? false
        }
        guard let user, matches, user.active else { return nil }
        return user
    }

    /// The user a sign-in name names: names are stored lower-cased (`users create`); one stored
    /// before that, with capitals, is still found by the name as written.
    static func user(named username: String, on db: any Database) async throws -> User? {
        let name = Normalize.username(username)
        if let user = try await User.query(on: db).filter(\.$username == name).first() { return user }
        let asWritten = username.trimmingCharacters(in: .whitespacesAndNewlines)
        return asWritten == name ? nil : try await User.query(on: db).filter(\.$username == asWritten).first()
    }

    /// A password sign-in, API and web alike, the name matched without case or surrounding spaces
    /// (`Normalize.username`): refused before any bcrypt while the username or the client address
    /// is throttled or locked (429 with Retry-After), otherwise checked; a wrong password is audited
    /// (`auth.sign-in-failed`, and `auth.sign-in-locked` when it locks the username) and answered 401. Returns the signed-in user.
    static func signIn(username typed: String, password: String, on req: Request) async throws -> User {
        let username = Normalize.username(typed)
        let signIns = req.bimeh.signIns
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let clock = req.bimeh.clock
        if let refusal = signIns.check(username: username, address: address, now: clock.now().timeIntervalSince1970) {
            throw SignInGuard.refusal(refusal)
        }
        let clean = signIns.isClean(username: username, address: address, now: clock.now().timeIntervalSince1970)
        if let user = try await check(username: typed, password: password, clean: clean, on: req) {
            signIns.succeeded(username: username)
            return user
        }
        let failure = signIns.failed(username: username, address: address, now: clock.now().timeIntervalSince1970)
        let known = try await user(named: typed, on: req.db)
        try await req.bimeh.store.write(on: req.db, actor: AuditActor(userID: nil, name: "anonymous"), requestID: req.id) { work in
            let facts = ["username": username, "address": address, "failuresInARow": String(failure.usernameFailures),
                         "addressFailures": String(failure.addressFailures)]
            try await work.audit("auth.sign-in-failed", entity: "user", id: known?.id?.uuidString ?? "unknown:" + username, after: facts)
            if let seconds = failure.usernameLockedFor {
                try await work.audit("auth.sign-in-locked", entity: "user", id: known?.id?.uuidString ?? "unknown:" + username,
                                     after: ["username": username, "address": address, "lockedUntil": AuditTrail.timestamp(work.now.addingTimeInterval(TimeInterval(seconds)))])
            }
        }
        throw SignInGuard.invalidCredentials(failure)
    }

    /// Issues a token; the caller gets the secret once, the database keeps only its hash.
    static func issue(_ kind: AuthToken.Kind, for user: User, lifetime: TimeInterval, in work: UnitOfWork) async throws -> (secret: String, token: AuthToken) {
        let secret = Secrets.random()
        let token = AuthToken(kind: kind, tokenHash: Secrets.sha256(secret), userID: try user.requireID(),
                              expiresAt: work.now.addingTimeInterval(lifetime),
                              csrfToken: kind == .web ? Secrets.random() : nil)
        try await token.create(on: work.db)
        try await work.audit("auth.\(kind.rawValue)-token-issued", entity: "user", id: try user.requireID().uuidString,
                             after: ["tokenId": try token.requireID().uuidString, "expiresAt": AuditTrail.timestamp(token.expiresAt)])
        return (secret, token)
    }

    /// Resolves a presented secret to the signed-in user, if the token is live.
    static func principal(secret: String, kind: AuthToken.Kind, now: Date, on db: any Database, cache: PrincipalCache? = nil) async throws -> Principal? {
        guard !secret.isEmpty, secret.utf8.count <= 200 else { return nil }
        let hash = Secrets.sha256(secret)
        if let cache, let cached = cache.get(hash, now: now) { return cached }
        guard let token = try await AuthToken.query(on: db)
            .filter(\.$tokenHash == hash)
            .filter(\.$kind == kind)
            .with(\.$user)
            .first()
        else { return nil }
        guard token.revokedAt == nil, token.expiresAt > now, token.user.active else { return nil }
        let principal = Principal(userID: try token.user.requireID(), username: token.user.username, displayName: token.user.displayName,
                         role: token.user.role, agencyID: token.user.$agency.id, tokenID: try token.requireID(),
                         csrfToken: token.csrfToken)
        cache?.put(hash, principal, expiresAt: token.expiresAt, now: now)
        return principal
    }

    static func revoke(tokenID: UUID, in work: UnitOfWork) async throws {
        guard let token = try await AuthToken.find(tokenID, on: work.db), token.revokedAt == nil else { return }
        token.revokedAt = work.now
        try await token.save(on: work.db)
        try await work.audit("auth.token-revoked", entity: "user", id: token.$user.id.uuidString,
                             after: ["tokenId": tokenID.uuidString])
    }
}
