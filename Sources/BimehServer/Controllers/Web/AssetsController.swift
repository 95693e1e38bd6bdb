import Vapor

/// The stylesheet and the two scripts (the pages' form helpers, the public inquiry's barcode scanner), read from the bundle
/// once and served with a day's caching.
struct AssetsController: RouteCollection {
    static let stylesheet: String = (try? String(contentsOfFile: Resources.publicDirectory + "bimeh.css", encoding: .utf8)) ?? ""
    static let scanner: String = (try? String(contentsOfFile: Resources.publicDirectory + "eligibility.js", encoding: .utf8)) ?? ""
    static let forms: String = (try? String(contentsOfFile: Resources.publicDirectory + "bimeh.js", encoding: .utf8)) ?? ""

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.stylesheet, use: css)
        routes.get(.eligibilityScript, use: script)
        routes.get(.formsScript) { _ in Self.javascript(Self.forms) }
    }

    @Sendable func script(req: Request) async throws -> Response {
        Self.javascript(Self.scanner)
    }

    static func javascript(_ text: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        response.headers.set(.cacheControl, "public, max-age=86400")
        return response
    }

    @Sendable func css(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: Self.stylesheet))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.set(.cacheControl, "public, max-age=86400")
        return response
    }
}
