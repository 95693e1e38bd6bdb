import Foundation

/// Group life's own routes (API.md "Group life").
extension SiteURL {
    static func apiGroupLifeContract(_ id: Parameter<UUID>) -> SiteURL { .product(["api", "v1", "policies", id.segment("id"), "contract"]) }
    static func apiGroupLifeMembers(_ id: Parameter<UUID>) -> SiteURL { .product(["api", "v1", "policies", id.segment("id"), "members"]) }

    static func apiGroupLifeUnderwriting(_ id: Parameter<UUID>, _ row: Parameter<Int>) -> SiteURL {
        .product(["api", "v1", "policies", id.segment("id"), "members", row.segment("row"), "underwriting"])
    }
    static func apiGroupLifeFinalPremium(_ id: Parameter<UUID>) -> SiteURL { .product(["api", "v1", "policies", id.segment("id"), "final-premium"]) }

    static let groupLifeRoutes: [SiteURL] = [apiGroupLifeContract(.key), apiGroupLifeMembers(.key), apiGroupLifeUnderwriting(.key, .key),
                                             apiGroupLifeFinalPremium(.key)]
}
