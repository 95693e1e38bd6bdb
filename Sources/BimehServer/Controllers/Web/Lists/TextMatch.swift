import Fluent
import Foundation
import InsuranceKit

/// How the one search box reads its text, shared by every list: a register number (`1405/12` or
/// just `12`), a customer's code (exact), or words of the customer's name (every word in the
/// first name, last name or company name: «علی رضایی» finds Ali Rezaei). Lists join `Customer`.
enum TextMatch {
    /// `1405/12` → (1405, 12); `12` → (nil, 12); otherwise nil.
    static func number(_ q: String) -> (year: Int?, number: Int)? {
        let digits = Normalize.identifier(q)
        let parts = digits.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]) { return (year, number) }
        if let number = Int(digits), digits.count <= 9 { return (nil, number) }
        return nil
    }

    /// Adds the customer's code and name to an `.or` group of a query joined with `Customer`.
    static func customer<M: Model>(_ q: String, on or: QueryBuilder<M>) {
        let digits = Normalize.identifier(q)
        or.filter(Customer.self, \.$nationalCode == digits)
        or.filter(Customer.self, \.$foreignID == digits)
        or.filter(Customer.self, \.$legalID == digits)
        let words = q.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return }
        or.group(.and) { all in
            for word in words {
                all.group(.or) { one in
                    one.filter(Customer.self, \.$firstName, .contains(inverse: false, .anywhere), word)
                    one.filter(Customer.self, \.$lastName, .contains(inverse: false, .anywhere), word)
                    one.filter(Customer.self, \.$name, .contains(inverse: false, .anywhere), word)
                }
            }
        }
    }
}
