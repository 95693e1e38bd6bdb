import Fluent
import Foundation
import InsuranceKit

/// Pieces several printed documents share.
enum PrintedDocument {
    /// The public authenticity inquiry of a policy, as its QR code and its printed line carry it.
    static func authenticityURL(base: String, code: String) -> String {
        base + SiteURL.authenticity.path + "?code=" + code
    }

    /// The insured's postal address with its postal code, when the customer's file holds one
    /// (otherwise the printed policy leaves a dotted line to fill in by hand).
    static func address(of customer: Customer) -> String? {
        guard let address = customer.address, !address.isEmpty else { return nil }
        guard let postalCode = customer.postalCode else { return address }
        return address + " — کد پستی " + Normalize.persianDigits(postalCode)
    }

    /// Text stored with a rule ID for staff («… (R-GL-07/08)») as the customer's paper shows it: without.
    static func withoutRuleIDs(_ text: String) -> String {
        text.replacingOccurrences(of: "\\s*\\(?R-[A-Z]+-[0-9۰-۹]+(/[0-9۰-۹]+)*\\)?", with: "", options: .regularExpression)
    }

    /// «فرانشیز»: the policy's percentage of each loss, or «ندارد» (third party has none).
    static func franchise(_ percent: String?) -> String {
        guard let percent, !percent.isEmpty, percent != "0" else { return "ندارد" }
        return Normalize.persianDigits(percent) + "٪ هر خسارت"
    }

    /// Who sold the policy, with the code the insurer knows them by (R-G-09).
    static func channel(of policy: Policy, on db: any Database) async throws -> String {
        if let brokerID = policy.brokerID, let broker = try await Broker.find(brokerID, on: db) {
            return "کارگزار: \(broker.name) — شمارهٔ پروانه \(Normalize.persianDigits(broker.licenceNumber))"
        }
        if let agency = try await policy.$agency.get(on: db) {
            return "نمایندگی: \(agency.name) — کد نمایندگی \(Normalize.persianDigits(agency.code))"
        }
        return "فروش مستقیم بیمه‌گر"
    }
}
