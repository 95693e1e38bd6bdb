import Foundation

/// The group life contract's pages for the life issuance expert (request letter → receipt), and
/// the API routes of the plan letter's refusal and the final-premium endorsement.
extension SiteURL {
    // API
    /// R-GL-07/08: POST makes the final premium the contract's premium (GET reads it).
    static func apiGroupLifeSettleFinalPremium(_ id: Parameter<UUID>) -> SiteURL { apiGroupLifeFinalPremium(id) }
    /// R-GL-02: the customer's final refusal of the plan letter voids the file.
    static func apiGroupLifeRefusal(_ id: Parameter<UUID>) -> SiteURL { .product(["api", "v1", "quotes", id.segment("id"), "refusal"]) }

    // the request letter and the plan letter
    static let groupLifeRequest = SiteURL.product(["quotes", "group-life"])
    static func groupLifePlanLetter(_ id: Parameter<UUID>) -> SiteURL { .product(["quotes", id.segment("id"), "plan-letter"]) }
    static func groupLifeRefusal(_ id: Parameter<UUID>) -> SiteURL { .product(["quotes", id.segment("id"), "refusal"]) }

    // the contract, the member list and the final premium
    private static func groupLife(_ id: Parameter<UUID>, _ tail: [Segment]) -> SiteURL {
        .product(["policies", id.segment("id"), "group-life"] + tail)
    }
    static func groupLifeContract(_ id: Parameter<UUID>) -> SiteURL { groupLife(id, ["contract"]) }
    static func groupLifeContractNumber(_ id: Parameter<UUID>) -> SiteURL { groupLife(id, ["contract-number"]) }
    static func groupLifeMembers(_ id: Parameter<UUID>) -> SiteURL { groupLife(id, ["members"]) }
    static func groupLifeMedicalReview(_ id: Parameter<UUID>) -> SiteURL { groupLife(id, ["medical-review"]) }
    static func groupLifeOutcome(_ id: Parameter<UUID>, _ row: Parameter<Int>) -> SiteURL { groupLife(id, ["members", row.segment("row"), "underwriting"]) }
    static func groupLifeReportForm(_ id: Parameter<UUID>, _ row: Parameter<Int>) -> SiteURL { groupLife(id, ["members", row.segment("row"), "report-form"]) }
    static func groupLifeHospitalLetter(_ id: Parameter<UUID>, _ row: Parameter<Int>) -> SiteURL { groupLife(id, ["members", row.segment("row"), "hospital-letter"]) }
    static func groupLifeFinalPremium(_ id: Parameter<UUID>) -> SiteURL { groupLife(id, ["final-premium"]) }

    static let groupLifePageRoutes: [SiteURL] = [
        apiGroupLifeRefusal(.key), groupLifeRequest, groupLifePlanLetter(.key), groupLifeRefusal(.key),
        groupLifeContract(.key), groupLifeContractNumber(.key), groupLifeMembers(.key), groupLifeMedicalReview(.key),
        groupLifeOutcome(.key, .key), groupLifeReportForm(.key, .key), groupLifeHospitalLetter(.key, .key), groupLifeFinalPremium(.key),
    ]
}
