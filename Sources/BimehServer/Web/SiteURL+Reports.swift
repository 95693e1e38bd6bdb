import Foundation

/// The monthly reports and the month-end close (API.md "Reports (R-RP)") and their pages.
enum ReportsURL: Sendable, Hashable {
    case apiReport(Parameter<String>, Parameter<Int>, Parameter<Int>)
    case apiReportStep(Parameter<String>, Parameter<Int>, Parameter<Int>, Step)
    case apiMonthClose(Parameter<Int>, Parameter<Int>)
    /// The pages: the dashboard, one report (printable, CSV link, approve/send), the close page.
    case dashboard
    case page(Parameter<String>, Parameter<Int>, Parameter<Int>)
    case pageStep(Parameter<String>, Parameter<Int>, Parameter<Int>, Step)
    case csv(Parameter<String>, Parameter<Int>, Parameter<Int>)
    case months, monthClose(Parameter<Int>, Parameter<Int>)

    enum Step: String, Sendable, CaseIterable { case approve, send }

    static let all: [ReportsURL] = [.apiReport(.key, .key, .key), .apiMonthClose(.key, .key), .dashboard, .page(.key, .key, .key),
                                    .csv(.key, .key, .key), .months, .monthClose(.key, .key)]
        + Step.allCases.flatMap { [ReportsURL.apiReportStep(.key, .key, .key, $0), .pageStep(.key, .key, .key, $0)] }

    var segments: [SiteURL.Segment] {
        switch self {
        case .apiReport(let kind, let year, let month): ["api", "v1", "reports", kind.segment("kind"), year.segment("year"), month.segment("month")]
        case .apiReportStep(let kind, let year, let month, let step):
            ["api", "v1", "reports", kind.segment("kind"), year.segment("year"), month.segment("month"), .literal(step.rawValue)]
        case .apiMonthClose(let year, let month): ["api", "v1", "months", year.segment("year"), month.segment("month"), "close"]
        case .dashboard: ["reports"]
        case .page(let kind, let year, let month): ["reports", kind.segment("kind"), year.segment("year"), month.segment("month")]
        case .pageStep(let kind, let year, let month, let step):
            ["reports", kind.segment("kind"), year.segment("year"), month.segment("month"), .literal(step.rawValue)]
        case .csv(let kind, let year, let month): ["reports", kind.segment("kind"), year.segment("year"), month.segment("month"), "csv"]
        case .months: ["months"]
        case .monthClose(let year, let month): ["months", year.segment("year"), month.segment("month"), "close"]
        }
    }
}
