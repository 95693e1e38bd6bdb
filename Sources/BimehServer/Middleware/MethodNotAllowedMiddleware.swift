import Vapor

/// A path that exists under other methods answers 405 with `Allow`, not 404, so a client learns
/// it used the wrong method (TRACE, CONNECT and the like on any path among them: none is served).
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// Per path shape, the methods served; built once from the route table after boot.
    let table: RouteMethods

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status == .notFound {
            let segments = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            let allowed = table.methods(for: segments).subtracting([request.method.rawValue])
            guard !allowed.isEmpty else { throw abort }
            throw AppError(.methodNotAllowed, code: "method-not-allowed",
                           detail: "این روش درخواست برای این نشانی مجاز نیست.",
                           headers: ["Allow": allowed.sorted().joined(separator: ", ")])
        }
    }
}

/// The route table's path shapes and their methods, for answering 405.
final class RouteMethods: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [(path: [PathComponent], method: String)]?
    private let source: @Sendable () -> [(path: [PathComponent], method: String)]

    init(_ source: @escaping @Sendable () -> [(path: [PathComponent], method: String)]) { self.source = source }

    func methods(for segments: [String]) -> Set<String> {
        let all = lock.withLock { () -> [(path: [PathComponent], method: String)] in
            if routes == nil { routes = source() }
            return routes ?? []
        }
        // the router takes a constant segment before a parameter and does not come back, so
        // only the most specific shape that matches answers for this path
        let matching = all.filter { Self.matches($0.path, segments) }
        guard let best = matching.map({ Self.rank($0.path) }).max(by: { $0.lexicographicallyPrecedes($1) }) else { return [] }
        var found = Set(matching.filter { Self.rank($0.path) == best }.map(\.method))
        if found.contains("GET") { found.insert("HEAD") }
        return found
    }

    /// Per segment: a constant 3, a parameter 2, `*` 1, `**` 0.
    static func rank(_ path: [PathComponent]) -> [Int] {
        path.map {
            switch $0 {
            case .constant: 3
            case .parameter: 2
            case .anything: 1
            case .catchall: 0
            }
        }
    }

    static func matches(_ path: [PathComponent], _ segments: [String]) -> Bool {
        var index = 0
        for component in path {
            switch component {
            case .catchall: return index < segments.count
            case .anything, .parameter:
                guard index < segments.count else { return false }
            case .constant(let value):
                guard index < segments.count, segments[index] == value else { return false }
            }
            index += 1
        }
        return index == segments.count
    }
}
