import Foundation

/// Every web address in one place: routes are registered and links are built from these.
enum WebPath {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let stylesheet = "/assets/bimeh.css"
    static let customers = "/customers"
    static let newCustomer = "/customers/new"
    static func customer(_ id: UUID) -> String { "/customers/\(id.uuidString)" }
}
