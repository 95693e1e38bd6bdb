@testable import BimehServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import Vapor
import VaporTesting

/// A browser may send a form's body in a later TCP write than its headers; the CSRF check must
/// read the token from the whole body, not from what happened to arrive with the headers.
@Suite("Web forms whose body arrives after the headers")
struct SplitBodyTests {
    @Test("a form posted as headers, a pause, then the body passes the CSRF check (was 403 csrf-failed)")
    func bodyAfterHeaders() async throws {
        try await TestApp.run { app in
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/quotes/supplementary-health").body.string
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: page))
            let port = try ServerProcess.freePort()
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            defer { Task { await app.server.shutdown() } }
            let body = "_csrf=\(csrf)&nationalCode=0076229645&date=1405%2F01%2F10&plan=silver&kind=family&hasBaseInsurance=yes"
                + "&persons%5B0%5D%5BnationalCode%5D=0013542419&persons%5B0%5D%5BbirthDate%5D=1365%2F05%2F01"
                + "&persons%5B0%5D%5Bsex%5D=male&persons%5B0%5D%5Brelation%5D=main"
            let head = "POST /quotes/supplementary-health HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(issuer.cookieHeader)\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
            let status = try Self.post(port: port, head: head, body: body)
            // priced and redirected to the quote page: 90,000,000 for one main insured of 39
            #expect(status == 303)
        }
    }

    /// Writes the head and half the body, waits, writes the rest; the status code of the answer.
    static func post(port: Int, head: String, body: String) throws -> Int {
        let fd = try ServerProcess.connect(port: port)
        defer { close(fd) }
        // the head with the start of the body, then the rest: the server sees the body in two reads
        let bytes = Array(body.utf8)
        let first = Array(head.utf8) + bytes.prefix(bytes.count / 2), rest = Array(bytes.dropFirst(bytes.count / 2))
        _ = first.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        usleep(200_000)
        _ = rest.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 12, let line = String(bytes: buffer[0..<count], encoding: .utf8)?.split(separator: "\r\n").first else {
            throw ServerProcess.Failure("no answer")
        }
        return Int(line.split(separator: " ")[1]) ?? 0
    }
}
