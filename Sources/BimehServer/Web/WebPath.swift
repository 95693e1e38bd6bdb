import Foundation

/// Every web address in one place: routes are registered and links are built from these.
enum WebPath {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let stylesheet = "/assets/bimeh.css"
    static let eligibilityScript = "/assets/eligibility.js"
    static let eligibility = "/eligibility"
    static let customers = "/customers"
    static let newCustomer = "/customers/new"
    static func customer(_ id: UUID) -> String { "/customers/\(id.uuidString)" }
    static let newQuote = "/quotes/new"
    static let quotes = "/quotes"
    static func quote(_ id: UUID) -> String { "/quotes/\(id.uuidString)" }
    static let policies = "/policies"
    static func policy(_ id: UUID) -> String { "/policies/\(id.uuidString)" }
    static func policyPrint(_ id: UUID) -> String { "/policies/\(id.uuidString)/print" }
    static func receipt(_ id: UUID) -> String { "/payments/\(id.uuidString)/receipt" }
    static func bankSlip(_ id: UUID) -> String { "/payments/\(id.uuidString)/slip" }
    static func paymentOrder(_ id: UUID) -> String { "/payment-orders/\(id.uuidString)" }
    static let cheques = "/accounting/cheques"
    static let claims = "/claims"
    static let newClaim = "/claims/new"
    static func claim(_ id: UUID) -> String { "/claims/\(id.uuidString)" }
}
