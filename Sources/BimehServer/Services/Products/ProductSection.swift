import Foundation

/// A product's own part of the policy page: facts, links to its printable papers and pages, and
/// the forms of its steps (each posting to a product route, with the page's CSRF and once-only
/// tokens). Generic: the page renders whatever the product's `policyPanel` hands it.
struct ProductSection: Sendable, Encodable {
    struct Fact: Sendable, Encodable {
        var label: String
        var value: String
    }

    struct Link: Sendable, Encodable {
        var label: String
        var href: String
    }

    struct Field: Sendable, Encodable {
        var name: String
        var label: String
        var value = ""
    }

    struct FileField: Sendable, Encodable {
        var name: String
        var label: String
        var accept = ".csv,text/csv"
    }

    struct Form: Sendable, Encodable {
        var title: String
        var action: String
        var button: String
        var note: String?
        var fields: [Field] = []
        var file: FileField?
    }

    var title: String
    var facts: [Fact] = []
    var links: [Link] = []
    /// The steps before issue: the page shows them to whoever may issue the policy.
    var forms: [Form] = []
}

/// How a product prints a cheque receipt: one sheet per recipient (R-GL-08: customer,
/// accounting, the introducing agency if any, issuance archive), and what the premium is for.
struct ReceiptPaper: Sendable, Encodable {
    /// Empty: the one sheet every product prints.
    var copies: [String] = []
    /// Replaces «بیمه‌نامهٔ شمارهٔ …» on the receipt, e.g. a contract's number.
    var subject: String?
}
