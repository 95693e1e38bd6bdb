import Vapor

/// The Persian error page for web requests; internals never reach the page.
enum WebErrorPage {
    struct Context: Encodable {
        var chrome: PageChrome
        var status: Int
        var message: String
        var code: String
    }

    static func render(_ error: AppError, request: Request) async -> Response {
        if error.status == .unauthorized {
            return request.redirect(to: WebPath.login)
        }
        let context = Context(chrome: PageChrome(request, title: "خطا"), status: Int(error.status.code), message: error.detail, code: error.code)
        if let response = try? await request.page("error", context, status: error.status) {
            return response
        }
        let response = Response(status: error.status, body: .init(string: "خطا: \(error.code)"))
        response.headers.contentType = .plainText
        return response
    }
}
