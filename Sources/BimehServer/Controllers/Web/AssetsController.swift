import Vapor

/// The one stylesheet, read from the bundle once and served with a day's caching.
struct AssetsController: RouteCollection {
    static let stylesheet: String = (try? String(contentsOfFile: Resources.publicDirectory + "bimeh.css", encoding: .utf8)) ?? ""

    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", "bimeh.css", use: css)
    }

    @Sendable func css(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: Self.stylesheet))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.set(.cacheControl, "public, max-age=86400")
        return response
    }
}
