import Foundation
import InsuranceKit
import NIOConcurrencyHelpers
import Vapor

/// The throttles of password sign-in (API token and web login alike), in memory: one
/// `SignInThrottle` per username and one per client address. A refused attempt costs no bcrypt.
/// Entries with nothing left to remember are dropped when the table grows, so a flood of
/// distinct usernames cannot grow it without bound.
final class SignInGuard: Sendable {
    struct Settings: Sendable, Equatable {
        var username = SignInThrottle.Policy.username
        var address = SignInThrottle.Policy.address
        /// bcrypt checks running at once; the others wait (`PasswordHashGate`).
        var concurrentHashes = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    }

    /// Why an attempt is refused before its password is looked at.
    struct Refusal: Error, Sendable, Equatable {
        enum Reason: Sendable, Equatable { case usernameLocked, addressLocked, tooSoon }
        var reason: Reason
        var retryAfter: Int
    }

    let settings: Settings
    let hashing: PasswordHashGate
    private let maxKeys: Int
    private let table = NIOLockedValueBox<[Key: SignInThrottle]>([:])

    private enum Key: Hashable, Sendable {
        case username(String)
        case address(String)
    }

    init(_ settings: Settings = Settings(), maxKeys: Int = 100_000) {
        self.settings = settings
        self.maxKeys = maxKeys
        hashing = PasswordHashGate(permits: settings.concurrentHashes)
    }

    /// Nil when the attempt may be checked; the longer of the two waits otherwise (a lock first).
    func check(username: String, address: String, now: Double) -> Refusal? {
        table.withLockedValue { table in
            let user = table[.username(username)]?.verdict(now: now) ?? .allowed
            let client = table[.address(address)]?.verdict(now: now) ?? .allowed
            if case .locked(let s) = user { return Refusal(reason: .usernameLocked, retryAfter: s) }
            if case .locked(let s) = client { return Refusal(reason: .addressLocked, retryAfter: s) }
            let wait = max(user.retryAfter ?? 0, client.retryAfter ?? 0)
            return wait > 0 ? Refusal(reason: .tooSoon, retryAfter: wait) : nil
        }
    }

    /// Whether both keys are clean (no failure remembered): such an attempt is hashed first.
    func isClean(username: String, address: String, now: Double) -> Bool {
        table.withLockedValue { table in
            (table[.username(username)]?.isIdle(now: now) ?? true) && (table[.address(address)]?.isIdle(now: now) ?? true)
        }
    }

    struct Failure: Sendable, Equatable {
        /// This failure locked the username, for this many seconds.
        var usernameLockedFor: Int?
        /// Failures of the username in a row, this one included.
        var usernameFailures: Int
        var addressFailures: Int
    }

    /// A wrong password (or unknown username) for `username` from `address`.
    func failed(username: String, address: String, now: Double) -> Failure {
        let settings = self.settings, maxKeys = self.maxKeys
        return table.withLockedValue { table in
            if table.count >= maxKeys - 2 {
                table = table.filter { !$0.value.isIdle(now: now) }
                if table.count >= maxKeys - 2 { table.removeAll(keepingCapacity: true) }
            }
            var user = table[.username(username)] ?? SignInThrottle(policy: settings.username)
            var client = table[.address(address)] ?? SignInThrottle(policy: settings.address)
            let locked = user.fail(now: now)
            client.fail(now: now)
            table[.username(username)] = user
            table[.address(address)] = client
            return Failure(usernameLockedFor: locked ? Int(settings.username.lockFor) : nil,
                           usernameFailures: user.failures, addressFailures: client.failures)
        }
    }

    /// A correct password: the username starts again from nothing (the address keeps its count
    /// until it is forgotten, so one good account does not wash an address's failures away).
    func succeeded(username: String) {
        _ = table.withLockedValue { $0.removeValue(forKey: .username(username)) }
    }

    static func refusal(_ refusal: Refusal) -> AppError {
        let minutes = max(1, Int((Double(refusal.retryAfter) / 60).rounded(.up)))
        switch refusal.reason {
        case .usernameLocked:
            return AppError(.tooManyRequests, code: "account-locked",
                            detail: "به دلیل چند ورود نادرست پیاپی، ورود با این نام کاربری تا \(Normalize.persianDigits(String(minutes))) دقیقهٔ دیگر قفل است. پس از آن دوباره تلاش کنید یا با مدیر سامانه تماس بگیرید.",
                            headers: ["Retry-After": "\(refusal.retryAfter)"])
        case .addressLocked:
            return AppError(.tooManyRequests, code: "sign-in-locked",
                            detail: "از این نشانی شبکه ورودهای نادرست بسیاری فرستاده شده است؛ ورود از آن تا \(Normalize.persianDigits(String(minutes))) دقیقهٔ دیگر بسته است.",
                            headers: ["Retry-After": "\(refusal.retryAfter)"])
        case .tooSoon:
            return AppError(.tooManyRequests, code: "sign-in-throttled",
                            detail: "پس از ورود نادرست باید کمی صبر کنید؛ \(Normalize.persianDigits(String(refusal.retryAfter))) ثانیهٔ دیگر دوباره تلاش کنید.",
                            headers: ["Retry-After": "\(refusal.retryAfter)"])
        }
    }

    /// The answer to a wrong password; the one that locks the username says so.
    static func invalidCredentials(_ failure: Failure) -> AppError {
        if let seconds = failure.usernameLockedFor {
            let minutes = max(1, seconds / 60)
            return AppError(.unauthorized, code: "invalid-credentials",
                            detail: "نام کاربری یا گذرواژه نادرست است. به دلیل ورودهای نادرست پیاپی، ورود با این نام کاربری برای \(Normalize.persianDigits(String(minutes))) دقیقه قفل شد.",
                            headers: ["Retry-After": "\(seconds)"])
        }
        return AppError(.unauthorized, code: "invalid-credentials", detail: "نام کاربری یا گذرواژه نادرست است.")
    }
}

/// At most `permits` bcrypt checks at once, so a flood of sign-ins leaves cores to every other
/// request. Waiters are served in order, attempts with a clean record (no remembered failure of
/// their username or address) before the others, so a legitimate sign-in does not queue behind
/// a password-guessing loop.
actor PasswordHashGate {
    private var available: Int
    private var clean: [CheckedContinuation<Void, Never>] = []
    private var suspect: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) { available = max(1, permits) }

    func acquire(clean isClean: Bool) async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { continuation in
            if isClean { clean.append(continuation) } else { suspect.append(continuation) }
        }
    }

    func release() {
        if !clean.isEmpty {
            clean.removeFirst().resume()
        } else if !suspect.isEmpty {
            suspect.removeFirst().resume()
        } else {
            available += 1
        }
    }

    /// Runs `body` holding a permit.
    nonisolated func run<T: Sendable>(clean: Bool, _ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire(clean: clean)
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    var waiting: Int { clean.count + suspect.count }
}
