import Fluent
import InsuranceKit
import Vapor

/// The reports on the web (R-RP-01…04): a dashboard with server-drawn charts, one page per report
/// and month (printable, CSV download, approve and send for the accountant) and the month-end close
/// page. The same commands as the API's.
struct ReportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.grouped(RequireRole(ReportController.readers, web: true))
        readers.get(.reports(.dashboard), use: dashboard)
        readers.get(.reports(.page(.key, .key, .key)), use: report)
        readers.get(.reports(.csv(.key, .key, .key)), use: csv)
        readers.get(.reports(.months), use: months)
        let accountant = routes.grouped(RequireRole(ReportController.accounting, web: true))
        accountant.post(.reports(.pageStep(.key, .key, .key, .approve)), use: approve)
        accountant.post(.reports(.pageStep(.key, .key, .key, .send)), use: send)
        accountant.post(.reports(.monthClose(.key, .key)), use: close)
    }

    static func path(_ kind: ReportKind, _ month: ReportMonth, by: ReportGrouping? = nil) -> String {
        SiteURL.reports(.page(.value(kind.rawValue), .value(month.year), .value(month.month))).path + (by.map { "?by=\($0.rawValue)" } ?? "")
    }

    // MARK: dashboard

    struct Link: Encodable { var label: String; var href: String }
    struct MonthLinks: Encodable { var month: String; var closed: Bool; var reports: [Link] }
    struct FigureLine: Encodable { var label: String; var premium: Int64; var claims: Int64; var lossRatio: String }

    struct DashboardContext: Encodable {
        var chrome: PageChrome
        var year: Int
        var charts: [String]
        var months: [FigureLine]
        var total: FigureLine
        var reportMonths: [MonthLinks]
        var monthsHref: String
        var previousYear: String
        var nextYear: String?
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        let today = req.bimeh.clock.today()
        let year = try ReportAddress.month(year: req.query[String.self, at: "year"] ?? String(today.year), month: "1").year
        let figures = try await YearFigures.load(year: year, on: req.db)
        let closed = Set(try await MonthClose.query(on: req.db).all().map(\.month))
        let begun = (1...12).compactMap { try? ReportMonth(year: year, month: $0) }.filter { $0 <= ReportMonth(today) }
        let links = begun.reversed().map { month in
            MonthLinks(month: month.persianDescription, closed: closed.contains(month.key),
                       reports: ReportKind.allCases.map { Link(label: $0.title, href: Self.path($0, month)) })
        }
        func line(_ l: YearFigures.Line) -> FigureLine { FigureLine(label: l.label, premium: l.premium, claims: l.claims, lossRatio: l.lossRatio) }
        let base = SiteURL.reports(.dashboard).path
        return try await req.page("reports/dashboard", DashboardContext(
            chrome: PageChrome(req, title: "گزارش‌های ماهانه و آمار"), year: year, charts: figures.charts, months: figures.months.map(line),
            total: line(figures.total), reportMonths: links, monthsHref: SiteURL.reports(.months).path,
            previousYear: base + "?year=\(year - 1)", nextYear: year < today.year ? base + "?year=\(year + 1)" : nil))
    }

    // MARK: one report

    struct Recipient: Encodable { var code: String; var title: String; var sent: Bool }

    struct ReportContext: Encodable {
        var chrome: PageChrome
        var report: MonthlyReport
        var monthTitle: String
        var statusTitle: String
        var amountTitle: String
        var groupTitle: String
        var groupings: [Link]
        var csvHref: String
        var approveHref: String
        var sendHref: String
        var canApprove: Bool
        var canSend: Bool
        var recipients: [Recipient]
        var errors: [PageError]
    }

    static func statusTitle(_ status: String) -> String {
        switch status {
        case ReportWorkflow.Status.approvedByAccounting.rawValue: "تأییدشدهٔ حسابداری"
        case ReportWorkflow.Status.sent.rawValue: "ارسال‌شده"
        default: "پیش‌نویس"
        }
    }

    private func render(_ req: Request, _ address: ReportAddress, errors: [PageError] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let grouping = try ReportController.grouping(req)
        let report = try await DomainErrorMapping.validating(defaultField: "month") {
            try await ReportDesk.report(address.kind, address.month, by: grouping, page: 0, today: req.bimeh.clock.today(), products: req.bimeh.products, on: req.db)
        }
        let principal = try req.principal
        let accountant = ReportController.accounting.contains(principal.role)
        let step = { (s: ReportsURL.Step) in SiteURL.reports(.pageStep(.value(address.kind.rawValue), .value(address.month.year), .value(address.month.month), s)).path }
        let context = ReportContext(
            chrome: PageChrome(req, title: "\(address.kind.title) — \(address.month.persianDescription)"), report: report,
            monthTitle: address.month.persianDescription, statusTitle: Self.statusTitle(report.status), amountTitle: address.kind.amountTitle,
            groupTitle: grouping.title,
            groupings: ReportGrouping.allCases.map { Link(label: "به تفکیک \($0.title)", href: Self.path(address.kind, address.month, by: $0)) },
            csvHref: SiteURL.reports(.csv(.value(address.kind.rawValue), .value(address.month.year), .value(address.month.month))).path + "?by=\(grouping.rawValue)",
            approveHref: step(.approve), sendHref: step(.send), canApprove: accountant && !report.approved, canSend: accountant,
            recipients: ReportRecipient.allCases.map { Recipient(code: $0.rawValue, title: $0.title, sent: report.sentTo.contains($0.rawValue)) },
            errors: errors)
        return try await req.page("reports/report", context, status: status)
    }

    @Sendable func report(req: Request) async throws -> Response {
        try await render(req, try ReportController.address(req))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let address = try ReportController.address(req)
        let report = try await DomainErrorMapping.validating(defaultField: "month") {
            try await ReportDesk.report(address.kind, address.month, by: try ReportController.grouping(req), page: 0, today: req.bimeh.clock.today(),
                                        products: req.bimeh.products, on: req.db)
        }
        return ReportExport.csvResponse(report)
    }

    struct SendForm: Content { var recipient: String? }

    @Sendable func approve(req: Request) async throws -> Response {
        let address = try ReportController.address(req)
        let principal = try req.principal
        do {
            _ = try await req.write { work in try await ApproveReport(address: address).run(principal: principal, in: work) }
            return req.redirect(to: Self.path(address.kind, address.month))
        } catch let error as AppError where error.status.code < 500 && error.status != .forbidden {
            return try await render(req, address, errors: PageError.list(error), status: error.status)
        }
    }

    @Sendable func send(req: Request) async throws -> Response {
        let address = try ReportController.address(req)
        let principal = try req.principal
        let form = (try? req.content.decode(SendForm.self)) ?? SendForm()
        do {
            let command = try SendReport(address: address, recipient: form.recipient)
            _ = try await req.write { work in try await command.run(principal: principal, in: work) }
            return req.redirect(to: Self.path(address.kind, address.month))
        } catch let error as AppError where error.status.code < 500 && error.status != .forbidden {
            return try await render(req, address, errors: PageError.list(error), status: error.status)
        }
    }

    // MARK: month-end close

    struct MonthRow: Encodable { var title: String; var closed: Bool; var closeHref: String?; var reportHref: String }
    struct MonthsContext: Encodable {
        var chrome: PageChrome
        var rows: [MonthRow]
        var canClose: Bool
        var errors: [PageError]
        var done: Bool
    }

    private func renderMonths(_ req: Request, errors: [PageError] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let today = ReportMonth(req.bimeh.clock.today())
        let closes = try await MonthClose.query(on: req.db).sort(\.$month).all()
        let closed = Set(closes.map(\.month))
        let last = try closes.last.map { try ReportMonth(key: $0.month) }
        // the year up to today's month, and the one before
        var months: [ReportMonth] = []
        var month = today
        for _ in 0..<24 { months.append(month); month = month.previous }
        let principal = try req.principal
        let canClose = ReportController.accounting.contains(principal.role)
        let rows = months.map { m in
            MonthRow(title: m.persianDescription, closed: closed.contains(m.key),
                     closeHref: (canClose && m < today && !closed.contains(m.key) && (last == nil || m == last?.next))
                        ? SiteURL.reports(.monthClose(.value(m.year), .value(m.month))).path : nil,
                     reportHref: Self.path(.contractsAndEndorsements, m))
        }
        return try await req.page("reports/months", MonthsContext(
            chrome: PageChrome(req, title: "بستن ماه (پایان ماه)"), rows: rows, canClose: canClose,
            errors: errors, done: req.query[String.self, at: "done"] != nil), status: status)
    }

    @Sendable func months(req: Request) async throws -> Response { try await renderMonths(req) }

    @Sendable func close(req: Request) async throws -> Response {
        do {
            let command = CloseMonth(month: try ReportAddress.month(year: req.parameters.get("year"), month: req.parameters.get("month")))
            _ = try await req.write { work in try await command.run(in: work) }
            return req.redirect(to: SiteURL.reports(.months).path + "?done=1")
        } catch let error as AppError where error.status.code < 500 && error.status != .forbidden {
            return try await renderMonths(req, errors: PageError.list(error), status: error.status)
        }
    }
}
