import Fluent
import Foundation

/// A party who buys or is insured (R-G-08): natural (national code or foreign ID) or legal (legal ID).
/// Registered once; `identity_key` is unique so a second registration finds the first.
final class Customer: Model, @unchecked Sendable {
    static let schema = "customers"

    enum Kind: String, Codable, Sendable { case natural, legal }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Enum(key: "kind") var kind: Kind
    /// `NC:<national code>`, `FI:<foreign id>` or `LI:<legal id>`: one person, one row.
    @Field(key: "identity_key") var identityKey: String
    @OptionalField(key: "national_code") var nationalCode: String?
    @OptionalField(key: "foreign_id") var foreignID: String?
    @OptionalField(key: "legal_id") var legalID: String?
    @OptionalField(key: "first_name") var firstName: String?
    @OptionalField(key: "last_name") var lastName: String?
    /// A legal person's registered name.
    @OptionalField(key: "name") var name: String?
    /// Jalali `YYYY/MM/DD`.
    @OptionalField(key: "birth_date") var birthDate: String?
    @OptionalField(key: "mobile") var mobile: String?
    // details the customer file's edit fills in (M049)
    @OptionalField(key: "father_name") var fatherName: String?
    /// `male` or `female`.
    @OptionalField(key: "sex") var sex: String?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "postal_code") var postalCode: String?
    /// `IR` + 24 digits.
    @OptionalField(key: "iban") var iban: String?
    @OptionalField(key: "economic_code") var economicCode: String?
    /// Who signs for a company.
    @OptionalField(key: "signatory") var signatory: String?
    // relationships
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}

    var displayName: String {
        switch kind {
        case .natural: return [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        case .legal: return name ?? ""
        }
    }

    var identifier: String { nationalCode ?? foreignID ?? legalID ?? "" }
}

/// Which agencies a customer came through; an agent sees a customer only through this link.
final class CustomerAgency: Model, @unchecked Sendable {
    static let schema = "customer_agencies"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // relationships
    @Parent(key: "customer_id") var customer: Customer
    @Parent(key: "agency_id") var agency: Agency

    init() {}
    init(customerID: UUID, agencyID: UUID) {
        self.$customer.id = customerID
        self.$agency.id = agencyID
    }
}
