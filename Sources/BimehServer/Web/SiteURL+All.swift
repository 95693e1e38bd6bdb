/// Every route in its registering form, for the test that holds the registered routes and the
/// OpenAPI document against the one route type.
extension SiteURL {
    static var all: [SiteURL] {
        let generic: [SiteURL] = [
            .home, .login, .logout, .stylesheet, .eligibilityScript, .formsScript, .metrics, .eligibility, .eligibilityCreditCode,
            .customers, .newCustomer, .customer(.key), .customerEdit(.key), .quotes, .newQuote, .quote(.key), .quotePolicy(.key),
            .policies, .policy(.key), .cheques, .receipt(.key), .bankSlip(.key), .paymentOrder(.key), .paymentOrderPaid(.key),
            .endorsementPrint(.key), .claims, .newClaim, .claim(.key), .claimDocuments(.key), .claimDocumentsLetter(.key), .claimStep(.key, .key),
            .claimLateNoticeForm(.key), .brokersUnlicensed, .cancellationLetter(.key), .payments, .provider,
        ] + PolicyStep.allCases.map { .policyStep(.key, $0) } + Verdict.allCases.map { .paymentVerdict(.key, $0) }
            + ProviderAction.allCases.map { .providerAction($0) }
        let api: [API] = [
            .health, .openapi, .authToken, .ussd, .customers, .customer(.key), .letters, .letter(.key),
            .quotes, .quotePreview, .quote(.key), .policies, .policy(.key), .paymentOrder(.key), .paymentOrderPaid(.key), .claims, .claim(.key), .claimDocument(.key, .key),
            .claimsMonthly, .brokerContracts, .eligibility(.key), .eligibilityVisits(.key), .eligibilityVerification(.key, .key),
            .publicCreditCodes, .publicEligibility, .auditCheckpoint, .auditProof(.key), .auditConsistency(.key, .key),
        ] + PolicyStep.allCases.filter { $0 != .print }.map { .policyStep(.key, $0) } + Verdict.allCases.map { .paymentVerdict(.key, $0) }
            + API.ClaimStep.allCases.map { .claimStep(.key, $0) }
        return generic + api.map { .api($0) } + productRoutes + ReportsURL.all.map { .reports($0) } + AdminURL.all.map { .admin($0) }
    }
}
