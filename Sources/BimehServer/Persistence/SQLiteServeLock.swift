import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `serve` per SQLite file: the server holds an exclusive `flock` on the database file for its
/// whole life. The kernel drops it when the process ends, however it ends, so a restart after a
/// crash is never blocked. (SQLite's own locks are `fcntl` locks, which `flock` does not touch.)
/// Commands (`bimeh seed …`, `migrate`) take no lock: their writes wait for the server's turn.
final class SQLiteServeLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    enum Failure: Error, CustomStringConvertible {
        case held(path: String)
        case unopenable(path: String, errno: Int32)

        var description: String {
            switch self {
            case .held(let path):
                "پایگاه دادهٔ «\(path)» را سرور دیگری در حال اجرا به کار گرفته است؛ دو سرور روی یک فایل SQLite اجرا نمی‌شوند. (database-in-use: another `bimeh serve` holds \(path))"
            case .unopenable(let path, let errno):
                "فایل پایگاه داده «\(path)» باز نشد. (database-unopenable: \(String(cString: strerror(errno))))"
            }
        }
    }

    /// Takes the lock, creating the file if it does not exist yet (SQLite accepts an empty file).
    static func acquire(path: String) throws -> SQLiteServeLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.unopenable(path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Failure.held(path: path)
        }
        return SQLiteServeLock(descriptor: fd)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
