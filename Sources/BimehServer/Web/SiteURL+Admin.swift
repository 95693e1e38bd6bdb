import Foundation

/// The admin's pages: users and roles, the organization, tariff files, the audit trail.
enum AdminURL: Sendable, Hashable {
    case users, userRole(Parameter<UUID>), userDisable(Parameter<UUID>)
    case organization
    case tariffs, tariffPreview, tariffLoad
    case audit

    static let all: [AdminURL] = [.users, .userRole(.key), .userDisable(.key), .organization, .tariffs, .tariffPreview, .tariffLoad, .audit]

    var segments: [SiteURL.Segment] {
        switch self {
        case .users: ["admin", "users"]
        case .userRole(let id): ["admin", "users", id.segment("id"), "role"]
        case .userDisable(let id): ["admin", "users", id.segment("id"), "disable"]
        case .organization: ["admin", "organization"]
        case .tariffs: ["admin", "tariffs"]
        case .tariffPreview: ["admin", "tariffs", "preview"]
        case .tariffLoad: ["admin", "tariffs", "load"]
        case .audit: ["admin", "audit"]
        }
    }
}
