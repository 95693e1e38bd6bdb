import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import Vapor

/// The real `bimeh` executable as a child process, for what only a separate process can show
/// (a kill in the middle of work). It is the one `swift build` leaves in `.build/debug`.
struct ServerProcess {
    let process: Process
    let port: Int
    let log: URL

    static var binary: URL {
        // …/Tests/BimehServerTests/Support/ServerProcess.swift → the package root
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/bimeh")
    }

    /// `bimeh serve --demo` on 127.0.0.1:`port` with only the given environment (nothing inherited,
    /// so a `DATABASE_URL` of the shell cannot leak in); output goes to `log`.
    static func start(port: Int, environment: [String: String], log: URL) throws -> ServerProcess {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--demo", "--hostname", "127.0.0.1", "--port", "\(port)"]
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        process.environment = env
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return ServerProcess(process: process, port: port, log: log)
    }

    /// Polls the health endpoint until the server answers; fails with its output if it exits or stays silent.
    /// The bound is generous: a debug server migrating and seeding while the rest of the suite runs
    /// on two cores can take tens of seconds to answer.
    func waitUntilReady(_ api: RemoteAPI, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw Failure("the server exited (\(process.terminationStatus)):\n\(output)") }
            if let res = try? await api.send(.GET, "/api/v1/health"), res.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure("the server did not answer within \(timeout):\n\(output)")
    }

    /// SIGKILL: no shutdown handler, no flush, no goodbye to anyone.
    func kill() {
        _ = Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(4000)) } ?? "" }

    /// A TCP connection to 127.0.0.1:`port`, for tests that write raw HTTP; the caller closes it.
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(fd)
            throw Failure("connect() failed")
        }
        return fd
    }

    /// A loopback port nobody listens on right now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure("could not bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// JSON over HTTP to a server in another process.
struct RemoteAPI {
    let client: any Client
    let base: String

    func send(_ method: HTTPMethod, _ path: String, token: String? = nil, json: [String: Any]? = nil) async throws -> (status: HTTPStatus, json: [String: Any]) {
        var headers: HTTPHeaders = [:]
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        var body: ByteBuffer?
        if let json {
            headers.add(name: .contentType, value: "application/json")
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        let response = try await client.send(ClientRequest(method: method, url: URI(string: base + path), headers: headers, body: body,
                                                           timeout: .seconds(20))).get()
        let object = response.body.flatMap { try? JSONSerialization.jsonObject(with: Data($0.readableBytesView)) as? [String: Any] }
        return (response.status, object ?? [:])
    }

    func token(_ username: String) async throws -> String {
        let res = try await send(.POST, "/api/v1/auth/token", json: ["username": username, "password": "demo-\(username)"])
        return try #require(res.json["token"] as? String, "sign-in of \(username): \(res.status)")
    }
}
