import Vapor

/// The Persian error page for web requests; internals never reach the page.
enum WebErrorPage {
    struct Context: Encodable {
        var chrome: PageChrome
        var status: Int
        var title: String
        var message: String
        var hint: String
        /// the machine code stays in a data attribute, for scripts and tests, not in the text
        var code: String
    }

    /// A Persian heading for the status: what happened, in the user's words.
    static func title(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 403: return "این کار در دسترس شما نیست"
        case 404: return "صفحه یا پرونده پیدا نشد"
        case 409: return "این کار با وضعیت کنونی پرونده جور نیست"
        case 413: return "فایل یا فرم بزرگ‌تر از حد مجاز است"
        case 422, 400: return "اطلاعات فرم پذیرفته نشد"
        case 429: return "درخواست‌ها بیش از اندازه است"
        case 500...: return "خطایی در سامانه رخ داد"
        default: return "درخواست انجام نشد"
        }
    }

    /// What the user can do next.
    static func hint(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 403: return "اگر این کار از وظایف شماست، از مدیر سامانه بخواهید نقش شما را بررسی کند."
        case 404: return "نشانی را بررسی کنید یا از فهرست‌های پیشخوان به پرونده بروید."
        case 500...: return "چند لحظهٔ دیگر دوباره تلاش کنید؛ اگر تکرار شد، زمان و نشانی این صفحه را به پشتیبانی بگویید."
        default: return "به صفحهٔ پیشین برگردید، اطلاعات را بررسی کنید و دوباره بفرستید."
        }
    }

    static func render(_ error: AppError, request: Request) async -> Response {
        if error.status == .unauthorized {
            return request.redirect(to: WebPath.login)
        }
        let context = Context(chrome: PageChrome(request, title: "خطا"), status: Int(error.status.code), title: title(error.status),
                              message: error.detail, hint: hint(error.status), code: error.code)
        if let response = try? await request.page("error", context, status: error.status) {
            return response
        }
        let response = Response(status: error.status, body: .init(string: "خطا: \(error.detail)"))
        response.headers.contentType = .plainText
        return response
    }
}
