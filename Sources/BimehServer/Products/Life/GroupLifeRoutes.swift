import Foundation

/// Group life's own routes (API.md "Group life").
extension SiteURL {
    static func apiGroupLifeContract(_ id: Parameter<UUID>) -> SiteURL { .product(["api", "v1", "policies", id.segment("id"), "contract"]) }
    static func apiGroupLifeMembers(_ id: Parameter<UUID>) -> SiteURL { .product(["api", "v1", "policies", id.segment("id"), "members"]) }

    static let groupLifeRoutes: [SiteURL] = [apiGroupLifeContract(.key), apiGroupLifeMembers(.key)]
}
