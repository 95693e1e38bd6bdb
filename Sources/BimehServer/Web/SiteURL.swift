import Foundation
import Vapor

/// A path parameter: `.key` names it when a route is registered, `.value` fills it in a link.
enum Parameter<Value: Sendable & Hashable & CustomStringConvertible>: Sendable, Hashable {
    case key
    case value(Value)
}

/// Every route of the server, in the manner of SwiftPackageIndex-Server's `SiteURL`: the same
/// case registers the route (`pathComponents`, parameters as `.key`) and builds every link to it
/// (`path`, parameters as `.value`). A test holds the registered routes and the OpenAPI document
/// against `SiteURL.all`. A product's own routes are `.product` values its folder defines.
enum SiteURL: Sendable, Hashable {
    // the frame and the public pages
    case home, login, logout, stylesheet, eligibilityScript, metrics
    /// the pages' one small script: date picker, rial separators, added rows, confirmations
    case formsScript
    case eligibility, eligibilityCreditCode
    // customers, quotes, policies, payments
    case customers, newCustomer, customer(Parameter<UUID>)
    /// The customer file's audited edit of details.
    case customerEdit(Parameter<UUID>)
    case quotes, newQuote, quote(Parameter<UUID>), quotePolicy(Parameter<UUID>)
    case policies, policy(Parameter<UUID>), policyStep(Parameter<UUID>, PolicyStep)
    case cheques, payments, receipt(Parameter<UUID>), bankSlip(Parameter<UUID>), paymentVerdict(Parameter<UUID>, Verdict), paymentOrder(Parameter<UUID>)
    case paymentOrderPaid(Parameter<UUID>)
    /// R-P-07: each endorsement prints as its own document.
    case endorsementPrint(Parameter<UUID>)
    /// R-P-08: the letter that tells the insured of a cancellation and its money.
    case cancellationLetter(Parameter<UUID>)
    // claims and reports
    case claims, newClaim, claim(Parameter<UUID>), claimDocuments(Parameter<UUID>), claimDocumentsLetter(Parameter<UUID>)
    case claimStep(Parameter<UUID>, Parameter<String>)
    /// R-CL-03: the late-notice form of a file, printed for issuance and the commission.
    case claimLateNoticeForm(Parameter<UUID>)
    case brokersUnlicensed
    /// The provider's desk: inquiry, HID issue and verification.
    case provider, providerAction(ProviderAction)
    case api(API)
    /// A product's own route: literal segments and named parameters, built in the product's folder.
    case product([Segment])
    /// The monthly reports and the month-end close (SiteURL+Reports).
    case reports(ReportsURL)
    /// The admin's pages (SiteURL+Admin).
    case admin(AdminURL)

    enum PolicyStep: String, Sendable, CaseIterable {
        case print, payments, issue, endorsements, cancellation, renewal
    }

    enum Verdict: String, Sendable, CaseIterable {
        case collect, bounce
    }

    enum ProviderAction: String, Sendable, CaseIterable {
        case inquiry, visit, verification
    }

    enum Segment: Sendable, Hashable {
        case literal(String)
        /// A parameter's name, and its value in a link (nil when registering).
        case parameter(String, String?)
    }

    /// The HTTP API, under `/api/v1`.
    enum API: Sendable, Hashable {
        case health, openapi, authToken, ussd
        case customers, customer(Parameter<UUID>)
        case letters, letter(Parameter<UUID>)
        case quotes, quotePreview, quote(Parameter<UUID>)
        case policies, policy(Parameter<UUID>), policyStep(Parameter<UUID>, PolicyStep)
        case paymentVerdict(Parameter<UUID>, Verdict)
        case paymentOrder(Parameter<UUID>), paymentOrderPaid(Parameter<UUID>)
        case claims, claim(Parameter<UUID>), claimStep(Parameter<UUID>, ClaimStep), claimDocument(Parameter<UUID>, Parameter<UUID>)
        case claimsMonthly, brokerContracts
        case eligibility(Parameter<String>), eligibilityVisits(Parameter<String>), eligibilityVerification(Parameter<String>, Parameter<String>)
        case publicCreditCodes, publicEligibility
        /// The audit log's signed checkpoint and its proofs (RFC 6962), for auditors.
        case auditCheckpoint, auditProof(Parameter<Int>), auditConsistency(Parameter<Int>, Parameter<Int>)

        enum ClaimStep: String, Sendable, CaseIterable {
            case lateNotice = "late-notice", documentRequest = "document-request", documents, inspection
            case inspectionApproval = "inspection/approval", inspectionMinutes = "inspection/minutes"
            case assessment, settlement, offer, consent, dispute, meetings
            case paymentOrder = "payment-order", paid, expertFee = "expert-fee", expertFeeApproval = "expert-fee/approval"
            case close, rejection
            /// R-CL-03 with a commission: the late-notice form's steps.
            case lateNoticeFigures = "late-notice/figures", lateNoticeCommission = "late-notice/commission"
            case lateNoticeHeadquarters = "late-notice/headquarters"
        }

        var segments: [Segment] {
            switch self {
            case .health: ["health"]
            case .openapi: ["openapi.json"]
            case .authToken: ["auth", "token"]
            case .ussd: ["ussd"]
            case .customers: ["customers"]
            case .customer(let id): ["customers", id.segment("id")]
            case .letters: ["letters"]
            case .letter(let id): ["letters", id.segment("id")]
            case .quotes: ["quotes"]
            case .quotePreview: ["quotes", "preview"]
            case .quote(let id): ["quotes", id.segment("id")]
            case .policies: ["policies"]
            case .policy(let id): ["policies", id.segment("id")]
            case .policyStep(let id, let step): ["policies", id.segment("id"), .literal(step.rawValue)]
            case .paymentVerdict(let id, let verdict): ["payments", id.segment("id"), .literal(verdict.rawValue)]
            case .paymentOrder(let id): ["payment-orders", id.segment("id")]
            case .paymentOrderPaid(let id): ["payment-orders", id.segment("id"), "paid"]
            case .claims: ["claims"]
            case .claim(let id): ["claims", id.segment("id")]
            case .claimStep(let id, let step): ["claims", id.segment("id")] + step.rawValue.split(separator: "/").map { .literal(String($0)) }
            case .claimDocument(let id, let document): ["claims", id.segment("id"), "documents", document.segment("documentId")]
            case .claimsMonthly: ["reports", "claims", "monthly"]
            case .brokerContracts: ["reports", "broker-contracts"]
            case .eligibility(let code): ["eligibility", code.segment("nationalCode")]
            case .eligibilityVisits(let code): ["eligibility", code.segment("nationalCode"), "visits"]
            case .eligibilityVerification(let code, let hid): ["eligibility", code.segment("nationalCode"), "visits", hid.segment("hid"), "verification"]
            case .publicCreditCodes: ["public", "credit-codes"]
            case .publicEligibility: ["public", "eligibility"]
            case .auditCheckpoint: ["audit", "checkpoint"]
            case .auditProof(let seq): ["audit", "proof", seq.segment("seq")]
            case .auditConsistency(let from, let to): ["audit", "consistency", from.segment("from"), to.segment("to")]
            }
        }
    }

    var segments: [Segment] {
        switch self {
        case .home: []
        case .login: ["login"]
        case .logout: ["logout"]
        case .stylesheet: ["assets", "bimeh.css"]
        case .eligibilityScript: ["assets", "eligibility.js"]
        case .formsScript: ["assets", "bimeh.js"]
        case .metrics: ["metrics"]
        case .eligibility: ["eligibility"]
        case .eligibilityCreditCode: ["eligibility", "credit-code"]
        case .customers: ["customers"]
        case .newCustomer: ["customers", "new"]
        case .customer(let id): ["customers", id.segment("id")]
        case .customerEdit(let id): ["customers", id.segment("id"), "edit"]
        case .quotes: ["quotes"]
        case .newQuote: ["quotes", "new"]
        case .quote(let id): ["quotes", id.segment("id")]
        case .quotePolicy(let id): ["quotes", id.segment("id"), "policy"]
        case .policies: ["policies"]
        case .policy(let id): ["policies", id.segment("id")]
        case .policyStep(let id, let step): ["policies", id.segment("id"), .literal(step.rawValue)]
        case .cheques: ["accounting", "cheques"]
        case .payments: ["payments"]
        case .receipt(let id): ["payments", id.segment("id"), "receipt"]
        case .bankSlip(let id): ["payments", id.segment("id"), "slip"]
        case .paymentVerdict(let id, let verdict): ["payments", id.segment("id"), .literal(verdict.rawValue)]
        case .paymentOrder(let id): ["payment-orders", id.segment("id")]
        case .paymentOrderPaid(let id): ["payment-orders", id.segment("id"), "paid"]
        case .endorsementPrint(let id): ["endorsements", id.segment("id"), "print"]
        case .cancellationLetter(let id): ["policies", id.segment("id"), "cancellation-letter"]
        case .claims: ["claims"]
        case .newClaim: ["claims", "new"]
        case .claim(let id): ["claims", id.segment("id")]
        case .claimDocuments(let id): ["claims", id.segment("id"), "documents"]
        case .claimDocumentsLetter(let id): ["claims", id.segment("id"), "documents-letter"]
        case .claimStep(let id, let step): ["claims", id.segment("id"), "steps", step.segment("step")]
        case .claimLateNoticeForm(let id): ["claims", id.segment("id"), "late-notice-form"]
        case .brokersUnlicensed: ["brokers", "unlicensed"]
        case .provider: ["provider"]
        case .providerAction(let action): ["provider", .literal(action.rawValue)]
        case .api(let api): ["api", "v1"] + api.segments
        case .product(let segments): segments
        case .reports(let url): url.segments
        case .admin(let url): url.segments
        }
    }

    /// What registers the route: literals, and `:name` for each parameter.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .literal(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    /// The link: `/policies/3F2…/print`. A parameter left as `.key` shows as `:name`.
    var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(let name, let value): value ?? ":\(name)"
            }
        }.joined(separator: "/")
    }

    /// The OpenAPI form of the path: `/api/v1/policies/{id}/issue`.
    var template: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(let name, _): "{\(name)}"
            }
        }.joined(separator: "/")
    }
}

extension SiteURL.Segment: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .literal(value) }
}

extension Parameter {
    func segment(_ name: String) -> SiteURL.Segment {
        switch self {
        case .key: .parameter(name, nil)
        case .value(let value): .parameter(name, value.description)
        }
    }
}

extension RoutesBuilder {
    /// Registers a route by its `SiteURL`; the builder adds middleware only, never a path.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ url: SiteURL, body: HTTPBodyStreamStrategy = .collect,
        use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, url.pathComponents, body: body, use: closure)
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.GET, url, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.POST, url, use: closure)
    }

    @discardableResult
    func delete<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.DELETE, url, use: closure)
    }
}
