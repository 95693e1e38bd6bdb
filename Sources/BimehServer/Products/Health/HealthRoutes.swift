import Foundation

/// Supplementary health's own routes (API.md "Health").
extension SiteURL {
    static let apiHealthClaims = SiteURL.product(["api", "v1", "health", "claims"])
    static let apiHealthIntroductions = SiteURL.product(["api", "v1", "health", "introductions"])

    static let healthRoutes: [SiteURL] = [apiHealthClaims, apiHealthIntroductions]
}
