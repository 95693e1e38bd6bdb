import Vapor

/// The stylesheet and the one script (the public inquiry's barcode scanner), read from the bundle
/// once and served with a day's caching.
struct AssetsController: RouteCollection {
    static let stylesheet: String = (try? String(contentsOfFile: Resources.publicDirectory + "bimeh.css", encoding: .utf8)) ?? ""
    static let scanner: String = (try? String(contentsOfFile: Resources.publicDirectory + "eligibility.js", encoding: .utf8)) ?? ""

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.stylesheet, use: css)
        routes.get(.eligibilityScript, use: script)
    }

    @Sendable func script(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: Self.scanner))
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
