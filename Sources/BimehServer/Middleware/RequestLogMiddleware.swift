import Vapor

/// One log line per request, like Vapor's route logging, but the path is written as sent
/// (percent-encoded) with any control character escaped: a `%0A` in a path cannot start a forged
/// log line.
struct RequestLogMiddleware: AsyncMiddleware {
    let logLevel: Logger.Level

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.logger.log(level: logLevel, "\(request.method) \(Self.printable(request.url.path))")
        return try await next.respond(to: request)
    }

    /// The path without decoding, control characters (and a literal backslash) escaped, at most 500 characters.
    static func printable(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars.prefix(500) {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0..<0x20, 0x7F, 0x85, 0x2028, 0x2029: out += String(format: "\\u{%X}", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
