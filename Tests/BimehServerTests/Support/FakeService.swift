import Foundation
import Testing
import Vapor

/// Another party's HTTP service (the central registry, the licence authority), served inside the
/// test process on a free loopback port.
struct FakeService: Sendable {
    let app: Application
    let port: Int

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// Starts a service with the given routes, runs `body` against it and stops it, even on failure.
    static func with<T: Sendable>(_ routes: (Application) -> Void, _ body: (FakeService) async throws -> T) async throws -> T {
        let app = try await Application.make(.testing)
        routes(app)
        do {
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let service = FakeService(app: app, port: try #require(app.http.server.shared.localAddress?.port))
            let result = try await body(service)
            await service.stop()
            return result
        } catch {
            await FakeService(app: app, port: 0).stop()
            throw error
        }
    }

    private func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }

    /// The JSON object a request carried.
    static func json(_ req: Request) -> [String: Any] {
        let data = req.body.data.map { Data($0.readableBytesView) } ?? Data()
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
