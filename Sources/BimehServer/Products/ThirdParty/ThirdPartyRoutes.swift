import Foundation

/// Third-party motor's own routes.
extension SiteURL {
    static let thirdPartyProposal = SiteURL.product(["quotes", "third-party"])
    static let authenticity = SiteURL.product(["authenticity"])
    /// The licence form on the policy page (R-TP-02).
    static func licence(_ id: Parameter<UUID>) -> SiteURL { .product(["policies", id.segment("id"), "licence"]) }
    static func apiLicence(_ id: Parameter<UUID>) -> SiteURL { .product(["api", "v1", "policies", id.segment("id"), "licence"]) }
    static func thirdPartyTariff(_ year: Parameter<Int>) -> SiteURL { .product(["api", "v1", "tariffs", "third-party", year.segment("year")]) }
    static func publicThirdParty(_ code: Parameter<String>) -> SiteURL { .product(["api", "v1", "public", "third-party", code.segment("uniqueCode")]) }

    static let thirdPartyRoutes: [SiteURL] = [
        thirdPartyProposal, authenticity, licence(.key), apiLicence(.key), thirdPartyTariff(.key), publicThirdParty(.key),
    ]
}
