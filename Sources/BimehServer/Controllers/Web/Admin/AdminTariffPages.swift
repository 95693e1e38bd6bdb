import Fluent
import InsuranceKit
import Vapor

/// Tariff files: the years in force per product; an uploaded file is checked and its changes
/// against the tariff in force shown first, and only «بارگذاری» loads it (TariffFiles.load, the
/// same as `bimeh tariffs load`).
struct AdminTariffPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireRole(AdminUserPages.admins, web: true))
        admin.get(.admin(.tariffs), use: list)
        admin.post(.admin(.tariffPreview), use: preview)
        admin.post(.admin(.tariffLoad), use: load)
    }

    struct YearRow: Encodable {
        var year: Int
        /// From an uploaded file (with when), or the data built into this release.
        var loadedAt: String?
    }

    struct ProductRow: Encodable {
        var code: String
        var title: String
        var years: [YearRow]
    }

    struct Preview: Encodable {
        var product: String
        var title: String
        var year: Int
        var comparedWith: Int?
        var changes: [String]
        var body: String
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var products: [ProductRow]
        var previewAction = SiteURL.admin(.tariffPreview).path
        var loadAction = SiteURL.admin(.tariffLoad).path
        var preview: Preview?
        var errors: [PageError] = []
        var notice: String?
    }

    struct Upload: Content {
        var product: String?
        var file: File?
    }

    struct LoadForm: Content {
        var product: String?
        var body: String?
    }

    @Sendable func list(req: Request) async throws -> Response {
        let done = req.query[String.self, at: "loaded"].map { "تعرفه بارگذاری شد: \($0)" }
        return try await render(req, Context(chrome: PageChrome(req, title: "تعرفه‌ها"), products: try await Self.years(req), notice: done))
    }

    static func years(_ req: Request) async throws -> [ProductRow] {
        let today = req.bimeh.clock.today()
        let stored = try await TariffFile.query(on: req.db).all()
        return req.bimeh.products.tariffFiles.map { format in
            let code = format.product.rawValue
            let years = ((today.year - 5)...(today.year + 1)).filter { (try? format.export($0)) != nil }.map { year in
                YearRow(year: year, loadedAt: stored.first { $0.product == code && $0.year == year }.map { TehranTime.stamp($0.loadedAt) })
            }
            return ProductRow(code: code, title: format.title, years: years)
        }
    }

    private func render(_ req: Request, _ context: Context, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await req.page("admin/tariffs", context, status: status)
    }

    private func refused(_ req: Request, _ error: DomainError) async throws -> Response {
        var context = Context(chrome: PageChrome(req, title: "تعرفه‌ها"), products: try await Self.years(req))
        context.errors = [PageError(code: error.code, field: error.field ?? "file", message: error.message)]
        return try await render(req, context, status: .unprocessableEntity)
    }

    @Sendable func preview(req: Request) async throws -> Response {
        let upload = (try? req.content.decode(Upload.self)) ?? Upload()
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await refused(req, DomainError(code: "file-required", message: "فایل تعرفه را برگزینید.", field: "file"))
        }
        let data = Data(file.data.readableBytesView)
        let product = upload.product.flatMap { $0.isEmpty ? nil : $0 }
        do {
            let format = try TariffFiles.format(for: data, product: product, in: req.bimeh.products)
            let read = try format.read(data)
            var context = Context(chrome: PageChrome(req, title: "تعرفه‌ها"), products: try await Self.years(req))
            context.preview = Preview(product: format.product.rawValue, title: format.title, year: read.year, comparedWith: read.comparedWith,
                                      changes: read.changes, body: String(decoding: read.body, as: UTF8.self))
            return try await render(req, context)
        } catch let error as DomainError {
            return try await refused(req, error)
        } catch {
            return try await refused(req, DomainError(code: "invalid-tariff", message: "این فایل، فایل تعرفهٔ خوانا نیست.", field: "file"))
        }
    }

    @Sendable func load(req: Request) async throws -> Response {
        let form = (try? req.content.decode(LoadForm.self)) ?? LoadForm()
        guard let body = form.body, !body.isEmpty else {
            return try await refused(req, DomainError(code: "file-required", message: "فایل تعرفه را برگزینید.", field: "file"))
        }
        do {
            let loaded = try await TariffFiles.load(Data(body.utf8), product: form.product, on: req.application, actor: req.auditActor)
            let label = "\(loaded.title) \(loaded.year)"
            return req.redirect(to: SiteURL.admin(.tariffs).path + "?loaded=" + (label.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""),
                                redirectType: .normal)
        } catch let error as DomainError {
            return try await refused(req, error)
        }
    }
}
