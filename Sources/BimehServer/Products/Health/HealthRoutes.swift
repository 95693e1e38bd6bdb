import Foundation

/// Supplementary health's own routes (API.md "Health").
extension SiteURL {
    static let apiHealthClaims = SiteURL.product(["api", "v1", "health", "claims"])
    static let apiHealthIntroductions = SiteURL.product(["api", "v1", "health", "introductions"])

    static func apiHealthStatement(_ center: Parameter<String>, _ year: Parameter<Int>, _ month: Parameter<Int>, _ step: String? = nil) -> SiteURL {
        .product(["api", "v1", "health", "centers", center.segment("center"), "statements", year.segment("year"), month.segment("month")]
                 + (step.map { [.literal($0)] } ?? []))
    }

    /// T-SH of a year, as `GET /api/v1/tariffs/third-party/{year}` publishes third party's.
    static func healthTariff(_ year: Parameter<Int>) -> SiteURL { .product(["api", "v1", "tariffs", "supplementary-health", year.segment("year")]) }

    static let healthRoutes: [SiteURL] = [apiHealthClaims, apiHealthIntroductions, healthTariff(.key), apiHealthStatement(.key, .key, .key),
                                          apiHealthStatement(.key, .key, .key, "approve"), apiHealthStatement(.key, .key, .key, "paid")]
}
