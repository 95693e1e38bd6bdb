import Foundation

/// Validated employer's liability inputs: `{sumInsured, description, franchisePercent?, employees?}`.
/// Encoded with sorted keys this is the quote's `normalizedInputs`, and it decodes again as valid
/// `inputs`.
public struct EmployersLiabilityInputs: Codable, Sendable, Hashable {
    /// The insurer's limit for the policy term, rials > 0 (the claim cap, R-CL-08).
    public let sumInsured: Rial
    /// The employer's activity and workplace, as printed on the policy.
    public let description: String
    /// nil when absent (the tariff default applies); filled in by the quote.
    public let franchisePercent: Percent?
    /// Number of employees covered, 1…1,000,000; printed on the policy, not priced.
    public let employees: Int?

    public init(sumInsured: Rial, description: String, franchisePercent: Percent?, employees: Int?) {
        self.sumInsured = sumInsured
        self.description = description
        self.franchisePercent = franchisePercent
        self.employees = employees
    }

    public static let maxEmployees = 1_000_000

    /// Canonical JSON: sorted keys, no escaped slashes, absent optionals omitted.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension EmployersLiabilityInputs {
    /// What `parse` could read; a field is nil when absent or wrong (the reader has the error).
    struct Draft {
        var sumInsured: Rial?
        var description: String?
        var franchisePercent: Percent?
        var employees: Int?
    }

    /// Checks each field's shape (unknown names, JSON types, positive integer rials); only
    /// malformed JSON throws here, every other problem is collected in `reader`.
    static func parse(_ data: Data, into reader: inout InputReader) throws -> Draft {
        let root = try JSONInput.parse(data)
        guard let fields = reader.object(
            root, at: "inputs", allowed: ["sumInsured", "description", "franchisePercent", "employees"]) else {
            return Draft()
        }
        return Draft(
            sumInsured: reader.positiveRial(fields["sumInsured"], at: "inputs.sumInsured", label: "سرمایهٔ بیمه"),
            description: reader.requiredText(
                fields["description"], at: "inputs.description", label: "شرح فعالیت کارفرما",
                maxLength: FlatRateProduct.maxDescriptionLength),
            franchisePercent: reader.optionalPercent(fields["franchisePercent"], at: FlatRateProduct.franchiseField),
            employees: reader.optionalInteger(
                fields["employees"], at: "inputs.employees", label: "تعداد کارکنان", range: 1...maxEmployees))
    }
}
