import Vapor

/// `?page=1&per=50` (API.md): a page of a list with the total count.
struct Page<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var per: Int
    var total: Int
}

struct PageRequest: Sendable {
    var page: Int
    var per: Int

    static let maxPer = 200

    init(_ req: Request) throws {
        let page = req.query[String.self, at: "page"] ?? "1"
        let per = req.query[String.self, at: "per"] ?? "50"
        guard let p = Int(page), p >= 1, p <= 1_000_000 else {
            throw AppError.validation([FieldError(field: "page", code: "invalid-page", message: "شمارهٔ صفحه باید عددی مثبت باشد.")])
        }
        guard let n = Int(per), (1...Self.maxPer).contains(n) else {
            throw AppError.validation([FieldError(field: "per", code: "invalid-page-size", message: "تعداد در هر صفحه باید بین ۱ و ۲۰۰ باشد.")])
        }
        self.page = p
        self.per = n
    }
}
