import Foundation

/// Validated contractors' all-risk inputs:
/// `{sumInsured, description, franchisePercent?, projectName, contractAmount?}`. Encoded with sorted
/// keys this is the quote's `normalizedInputs`, and it decodes again as valid `inputs`.
public struct ContractorsAllRiskInputs: Codable, Sendable, Hashable {
    /// The insurer's limit for the works, rials > 0 (the claim cap, R-CL-08).
    public let sumInsured: Rial
    /// The works insured, as printed on the policy.
    public let description: String
    /// nil when absent (the tariff default applies); filled in by the quote.
    public let franchisePercent: Percent?
    /// The project (پروژه) the contract is for.
    public let projectName: String
    /// The contract (پیمان) amount, rials > 0, when given. Printed, not priced, and not compared
    /// with the sum insured (works may include owner-supplied materials).
    public let contractAmount: Rial?

    public init(sumInsured: Rial, description: String, franchisePercent: Percent?, projectName: String,
                contractAmount: Rial?) {
        self.sumInsured = sumInsured
        self.description = description
        self.franchisePercent = franchisePercent
        self.projectName = projectName
        self.contractAmount = contractAmount
    }

    public static let maxProjectNameLength = 200

    /// Canonical JSON: sorted keys, no escaped slashes, absent optionals omitted.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension ContractorsAllRiskInputs {
    /// What `parse` could read; a field is nil when absent or wrong (the reader has the error).
    struct Draft {
        var sumInsured: Rial?
        var description: String?
        var franchisePercent: Percent?
        var projectName: String?
        var contractAmount: Rial?
    }

    /// Checks each field's shape (unknown names, JSON types, positive integer rials); only
    /// malformed JSON throws here, every other problem is collected in `reader`.
    static func parse(_ data: Data, into reader: inout InputReader) throws -> Draft {
        let root = try JSONInput.parse(data)
        guard let fields = reader.object(
            root, at: "inputs",
            allowed: ["sumInsured", "description", "franchisePercent", "projectName", "contractAmount"]) else {
            return Draft()
        }
        return Draft(
            sumInsured: reader.positiveRial(fields["sumInsured"], at: "inputs.sumInsured", label: "سرمایهٔ بیمه"),
            description: reader.requiredText(
                fields["description"], at: "inputs.description", label: "شرح کارهای موضوع بیمه",
                maxLength: FlatRateProduct.maxDescriptionLength),
            franchisePercent: reader.optionalPercent(fields["franchisePercent"], at: FlatRateProduct.franchiseField),
            projectName: reader.requiredText(
                fields["projectName"], at: "inputs.projectName", label: "نام پروژه", maxLength: maxProjectNameLength),
            contractAmount: reader.optionalPositiveRial(
                fields["contractAmount"], at: "inputs.contractAmount", label: "مبلغ پیمان"))
    }
}
