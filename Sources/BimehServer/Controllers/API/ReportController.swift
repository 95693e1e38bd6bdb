import Fluent
import InsuranceKit
import Vapor

/// The monthly reports (R-RP-01…04) and the month-end close (R-RP-02) over HTTP (API.md
/// "Reports (R-RP)"): accountant and head read; the accountant approves, sends and closes.
struct ReportController: RouteCollection {
    static let readers: Set<Role> = [.accountant, .head]
    static let accounting: Set<Role> = [.accountant]

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(Self.readers)).get(.reports(.apiReport(.key, .key, .key)), use: show)
        let accountant = routes.grouped(RequireRole(Self.accounting))
        accountant.post(.reports(.apiReportStep(.key, .key, .key, .approve)), use: approve)
        accountant.post(.reports(.apiReportStep(.key, .key, .key, .send)), use: send)
        accountant.post(.reports(.apiMonthClose(.key, .key)), use: close)
    }

    static func address(_ req: Request) throws -> ReportAddress {
        try ReportAddress(kind: req.parameters.get("kind"), year: req.parameters.get("year"), month: req.parameters.get("month"))
    }

    static func grouping(_ req: Request) throws -> ReportGrouping {
        try DomainErrorMapping.validating(defaultField: "by") { try ReportGrouping(parsing: req.query[String.self, at: "by"]) }
    }

    static func wantsCSV(_ req: Request) -> Bool {
        req.query[String.self, at: "format"] == "csv" || req.headers[.accept].contains { $0.lowercased().contains("text/csv") }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let address = try Self.address(req)
        let grouping = try Self.grouping(req)
        let csv = Self.wantsCSV(req)
        let page = csv ? 0 : max(1, req.query[Int.self, at: "page"] ?? 1)
        let report = try await DomainErrorMapping.validating(defaultField: "month") {
            try await ReportDesk.report(address.kind, address.month, by: grouping, page: page, today: req.bimeh.clock.today(),
                                        products: req.bimeh.products, on: req.db)
        }
        if csv { return ReportExport.csvResponse(report) }
        let response = Response(status: .ok)
        try response.content.encode(report, using: JSONCoding.encoder)
        return response
    }

    struct Status: Content { var status: String; var sentTo: [String] }
    struct Send: StrictRequestBody {
        static let fields: Set<String> = ["recipient"]
        var recipient: String?
    }

    @Sendable func approve(req: Request) async throws -> Status {
        let command = ApproveReport(address: try Self.address(req))
        let principal = try req.principal
        let workflow = try await req.write { work in try await command.run(principal: principal, in: work) }
        return Status(status: workflow.status.rawValue, sentTo: workflow.sentTo.map(\.rawValue))
    }

    @Sendable func send(req: Request) async throws -> Status {
        let command = try SendReport(address: try Self.address(req), recipient: try req.decodeStrict(Send.self).recipient)
        let principal = try req.principal
        let workflow = try await req.write { work in try await command.run(principal: principal, in: work) }
        return Status(status: workflow.status.rawValue, sentTo: workflow.sentTo.map(\.rawValue))
    }

    @Sendable func close(req: Request) async throws -> CloseMonth.Outcome {
        let command = CloseMonth(month: try ReportAddress.month(year: req.parameters.get("year"), month: req.parameters.get("month")))
        return try await req.write { work in try await command.run(in: work) }
    }
}

extension CloseMonth.Outcome: Content {}

/// R-RP-03: a report as CSV (UTF-8 with BOM, Persian headers, rials): the rows by group and
/// product, the total, then every entry with its documents.
enum ReportExport {
    static func csv(_ report: MonthlyReport) -> String {
        let grouping = (try? ReportGrouping(parsing: report.by)) ?? .department
        var rows: [[String]] = report.rows.map { [$0.group, $0.productTitle, String($0.count), String($0.amount), "", "", ""] }
        rows.append(["جمع", "", String(report.total.count), String(report.total.amount), "", "", ""])
        for entry in report.entries {
            rows.append([grouping == .agency ? entry.agency : grouping == .department ? entry.department : StatisticsStore.companyGroup,
                         entry.product, "1", String(entry.amount), entry.document, entry.documents.joined(separator: "؛ "),
                         entry.corrects.map { "اصلاحیهٔ ماه \($0)" } ?? ""])
        }
        let kind = (try? ReportKind(parsing: report.kind)) ?? .issuedPolicies
        return ReportCSV.document(header: [grouping.title, "رشته", "تعداد", kind.amountTitle, "سند", "مدارک", "اصلاحیه"], rows: rows)
    }

    static func filename(_ report: MonthlyReport) -> String {
        "\(report.kind)-\(report.year)-\(report.month < 10 ? "0" : "")\(report.month).csv"
    }

    static func csvResponse(_ report: MonthlyReport) -> Response {
        let response = Response(status: .ok, body: .init(string: csv(report)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.remove(name: .contentDisposition)
        response.headers.add(name: .contentDisposition, value: "attachment; filename=\"\(filename(report))\"")
        return response
    }
}
