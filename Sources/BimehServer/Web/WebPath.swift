import Foundation

/// Shorthands for the links pages build most, each taken from `SiteURL`, the one route type.
enum WebPath {
    static let home = SiteURL.home.path
    static let login = SiteURL.login.path
    static let logout = SiteURL.logout.path
    static let stylesheet = SiteURL.stylesheet.path
    static let eligibilityScript = SiteURL.eligibilityScript.path
    static let formsScript = SiteURL.formsScript.path
    static let eligibility = SiteURL.eligibility.path
    static let eligibilityCreditCode = SiteURL.eligibilityCreditCode.path
    static let customers = SiteURL.customers.path
    static let newCustomer = SiteURL.newCustomer.path
    static func customer(_ id: UUID) -> String { SiteURL.customer(.value(id)).path }
    static func customerEdit(_ id: UUID) -> String { SiteURL.customerEdit(.value(id)).path }
    static let newQuote = SiteURL.newQuote.path
    static let quotes = SiteURL.quotes.path
    static func quote(_ id: UUID) -> String { SiteURL.quote(.value(id)).path }
    static func quotePolicy(_ id: UUID) -> String { SiteURL.quotePolicy(.value(id)).path }
    static let policies = SiteURL.policies.path
    static func policy(_ id: UUID) -> String { SiteURL.policy(.value(id)).path }
    static func policyStep(_ id: UUID, _ step: SiteURL.PolicyStep) -> String { SiteURL.policyStep(.value(id), step).path }
    static func policyPrint(_ id: UUID) -> String { policyStep(id, .print) }
    static func receipt(_ id: UUID) -> String { SiteURL.receipt(.value(id)).path }
    static func bankSlip(_ id: UUID) -> String { SiteURL.bankSlip(.value(id)).path }
    static func paymentVerdict(_ id: UUID, _ verdict: SiteURL.Verdict) -> String { SiteURL.paymentVerdict(.value(id), verdict).path }
    static func paymentOrder(_ id: UUID) -> String { SiteURL.paymentOrder(.value(id)).path }
    static func paymentOrderPaid(_ id: UUID) -> String { SiteURL.paymentOrderPaid(.value(id)).path }
    static func endorsementPrint(_ id: UUID) -> String { SiteURL.endorsementPrint(.value(id)).path }
    static func cancellationLetter(_ id: UUID) -> String { SiteURL.cancellationLetter(.value(id)).path }
    static let cheques = SiteURL.cheques.path
    static let payments = SiteURL.payments.path
    static let claims = SiteURL.claims.path
    static let newClaim = SiteURL.newClaim.path
    static func claim(_ id: UUID) -> String { SiteURL.claim(.value(id)).path }
    static func claimStep(_ id: UUID, _ step: String) -> String { SiteURL.claimStep(.value(id), .value(step)).path }
    static func claimDocuments(_ id: UUID) -> String { SiteURL.claimDocuments(.value(id)).path }
    static func claimDocumentsLetter(_ id: UUID) -> String { SiteURL.claimDocumentsLetter(.value(id)).path }
    static func claimLateNoticeForm(_ id: UUID) -> String { SiteURL.claimLateNoticeForm(.value(id)).path }
}
