@testable import BimehServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import Vapor
import VaporTesting

/// #17 point 5: a client that opens a request and goes silent was never timed out, and a client
/// that hung up in the middle of its body was counted as a server error (500) in /metrics.
@Suite("Silent and aborting clients")
struct SlowClientTests {
    @Test("a connection silent past the idle timeout is closed by the server")
    func silentClientClosed() async throws {
        try await TestApp.run(adjust: { $0.idleTimeoutSeconds = 1 }) { app in
            let port = try ServerProcess.freePort()
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            let started = ContinuousClock.now
            let answer = try Self.exchange(port: port, send: "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: appl", thenClose: false)
            let waited = ContinuousClock.now - started
            // no answer: the server closed the connection, after about the idle second, well before our 20 s
            #expect(answer.closed)
            #expect(waited >= .milliseconds(900) && waited < .seconds(15), "\(waited)")
            await app.server.shutdown()
        }
        #expect(try AppConfig.fromEnvironment(["BIMEH_IDLE_TIMEOUT_SECONDS": "45"], demo: false).idleTimeoutSeconds == 45)
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_IDLE_TIMEOUT_SECONDS": "0"], demo: false) }
    }

    @Test("a body cut off by the client is not a server error in /metrics")
    func abortedUploadIsNot500() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            let issuer = try await app.token("issuer")
            let port = try ServerProcess.freePort()
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            let before = try await Self.serverErrors(app, token: admin)
            for _ in 0..<3 {
                _ = try Self.exchange(port: port, send: "POST /api/v1/letters HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(issuer)\r\n"
                                      + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"direction\":\"incoming\",\"subject\":\"", thenClose: true)
            }
            try await Task.sleep(for: .milliseconds(500))
            let after = try await Self.serverErrors(app, token: admin)
            #expect(after == before, "5xx counted for aborted bodies: \(before) → \(after)")
            await app.server.shutdown()
        }
    }

    /// The sum of the 5xx request counters of the letters route in /metrics (the registry is the
    /// process's, shared with tests running beside this one).
    static func serverErrors(_ app: Application, token: String) async throws -> Double {
        let text = try await app.send(.GET, "/metrics", token: token).body.string
        return text.split(separator: "\n").filter { $0.hasPrefix("http_requests_total") && $0.contains("status=\"5") && $0.contains("letters") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
    }

    /// Sends `send`; then either closes at once, or waits (20 s at most) for an answer or the server's close.
    static func exchange(port: Int, send text: String, thenClose: Bool) throws -> (closed: Bool, bytes: Int) {
        let fd = try ServerProcess.connect(port: port)
        defer { close(fd) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        if thenClose { return (true, 0) }
        var limit = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return (count == 0, max(count, 0))
    }
}
