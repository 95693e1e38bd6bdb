import InsuranceKit

/// The one place the server lists its products: InsuranceKit's standard catalog and the hooks
/// of the products that add something on the server.
extension ProductBook {
    static let standard = ProductBook(catalog: .standard, hooks: [
        ComputerHooks(),
        ThirdPartyHooks(),
        HealthHooks(),
        GroupLifeHooks(), TermLifeHooks(),
    ], proposals: [
        Proposal(label: "بیمهٔ رایانه", path: WebPath.newQuote),
        Proposal(label: "بیمهٔ شخص ثالث", path: SiteURL.thirdPartyProposal.path),
        Proposal(label: "مسئولیت کارفرما", path: FlatRateProposalPages.employersLiability.path),
        Proposal(label: "تمام خطر پیمانکاران", path: FlatRateProposalPages.contractorsAllRisk.path),
        Proposal(label: "بیمهٔ تکمیلی درمان", path: HealthProposalPages.url.path),
        Proposal(label: "بیمهٔ عمر زمانی گروهی", path: SiteURL.groupLifeRequest.path),
        Proposal(label: "بیمهٔ عمر زمانی انفرادی", path: TermLifeProposalPages.url.path),
    ], providerPages: [
        Proposal(label: "خسارت مستقیم درمان", path: HealthCenterPages.url.path),
    ], tariffFiles: [
        // the first is the default for files exported before they named their product
        TariffFileFormat(ThirdPartyTariff.self, product: ThirdPartyInsurance().code, title: ThirdPartyInsurance().title),
        TariffFileFormat(HealthTariff.self, product: SupplementaryHealth().code, title: SupplementaryHealth().title),
    ])
}

/// The products' own datasets (`bimeh seed <name>`) and in-process measurements (`bimeh bench <name>`).
extension ProductBook {
    static let seedTasks: [String: any ProductTask] = ["health-bench": HealthBenchSeed()]
    static let benchTasks: [String: any ProductTask] = ["health-import": HealthImportBench()]
}

/// The products' own API operations, in the document after the generic ones.
extension APIDocument {
    static let productOperations: [Operation] = thirdPartyOperations + healthOperations + groupLifeOperations + groupLifeFlowOperations
}

/// The products' own routes.
extension SiteURL {
    static var productRoutes: [SiteURL] {
        thirdPartyRoutes + healthRoutes + groupLifeRoutes + groupLifePageRoutes + [HealthProposalPages.url, HealthProposalPages.groupURL, HealthCenterPages.url, HealthPolicyPages.url(.key), HealthIntroductionPages.print(.key), FlatRateProposalPages.employersLiability.url, FlatRateProposalPages.contractorsAllRisk.url, TermLifeProposalPages.url, GroupLifeMemberChangePages.url(.key)]
    }
}
