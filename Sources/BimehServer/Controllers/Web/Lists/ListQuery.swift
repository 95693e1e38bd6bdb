import Foundation
import InsuranceKit

/// The pieces every list page reads from its query string the same way: a value present or not,
/// a Jalali date, a page number, and the query string written back for the pager, sort and CSV.
/// An unreadable value is dropped with a Persian note, never a 500.
enum ListQuery {
    /// A trimmed, normalised value, or nil when empty.
    static func present(_ value: String?) -> String? {
        guard let value = value.map(Normalize.text), !value.isEmpty else { return nil }
        return String(value.prefix(100))
    }

    /// The free text of the one search box.
    static func text(_ value: String?) -> String {
        String(Normalize.text(value ?? "").prefix(100))
    }

    static func date(_ value: String?, label: String, notes: inout [String]) -> JalaliDate? {
        guard let raw = present(value) else { return nil }
        if let day = try? JalaliDate(parsing: Normalize.identifier(raw)) { return day }
        notes.append("«\(label)» باید تاریخی شمسی مانند ۱۴۰۵/۰۱/۱۵ باشد؛ «\(Normalize.persianDigits(raw))» در نظر گرفته نشد.")
        return nil
    }

    static func page(_ value: String?, notes: inout [String]) -> Int {
        guard let raw = present(value) else { return 1 }
        if let n = Int(raw), n >= 1 { return min(n, 1_000_000) }
        notes.append("شمارهٔ صفحه «\(Normalize.persianDigits(raw))» درست نیست؛ صفحهٔ اول نشان داده شد.")
        return 1
    }

    /// A value of a closed set (status, kind, sort…); an unknown one is dropped with `note`.
    static func choice<T>(_ value: String?, _ read: (String) -> T?, notes: inout [String], note: (String) -> String) -> T? {
        guard let raw = present(value) else { return nil }
        if let known = read(raw) { return known }
        notes.append(note(raw))
        return nil
    }

    /// `?a=1&b=2` of the non-empty pairs, each value percent-encoded; "" when there are none.
    static func encode(_ items: [(String, String)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let text = items.filter { !$0.1.isEmpty }
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return text.isEmpty ? "" : "?" + text
    }
}

/// One page of a list counted on the server: a page past the last shows the last, with a note.
struct ListPage: Sendable {
    let total: Int
    let page: Int
    let pages: Int
    let per: Int

    init(total: Int, requested: Int, per: Int, notes: inout [String]) {
        self.total = total
        self.per = per
        pages = max(1, (total + per - 1) / per)
        if requested > pages {
            notes.append("صفحهٔ \(Normalize.persianDigits(String(requested))) وجود ندارد؛ صفحهٔ آخر نشان داده شد.")
            page = pages
        } else {
            page = requested
        }
    }

    var range: Range<Int> { (page - 1) * per ..< page * per }
}

/// A list's choice as its form shows it.
struct ListOption: Encodable {
    var value: String
    var label: String
    var selected: Bool
}

/// The pager and CSV link of a list page, built from its path and query string.
struct ListNav: Encodable {
    var total: Int
    var page: Int
    var pages: Int
    var prevHref: String?
    var nextHref: String?
    var csvHref: String
    var notes: [String]
    var filtered: Bool
    /// What the list counts («مشتری», «پرونده»…), after the total.
    var noun: String

    init(path: String, noun: String, page: ListPage, notes: [String], query: (_ page: Int?, _ format: String?) -> String) {
        total = page.total
        self.page = page.page
        pages = page.pages
        prevHref = page.page > 1 ? path + query(page.page - 1, nil) : nil
        nextHref = page.page < page.pages ? path + query(page.page + 1, nil) : nil
        csvHref = path + query(nil, "csv")
        self.notes = notes
        filtered = query(nil, nil) != ""
        self.noun = noun
    }
}
