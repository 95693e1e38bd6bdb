import Vapor

struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.openapi), use: document)
    }

    @Sendable func document(req: Request) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(APIDocument.document())))
        response.headers.contentType = .json
        return response
    }
}
