import Testing
@testable import InsuranceKit

@Suite("R-EL-01 person identifier and relation")
struct EligibilityIdentifierTests {
    @Test("R-EL-01 ten digits are a national code, twelve a foreign ID")
    func kinds() throws {
        // 0076229645: Σ = 182, 182 mod 11 = 6 ⇒ c = 5 ✓ (worked in IdentifierTests)
        let national = try PersonIdentifier("0076229645")
        #expect(national == .national(try NationalCode("0076229645")))
        #expect(national.key == "0076229645")
        #expect(!national.isForeign)
        // 1234567891: Σ = 10+18+24+28+30+30+28+24+18 = 210, 210 mod 11 = 1 ⇒ c = 1 ✓
        #expect(try PersonIdentifier("1234567891").key == "1234567891")
        let foreign = try PersonIdentifier("123456789012")
        #expect(foreign == .foreign(try ForeignID("123456789012")))
        #expect(foreign.key == "123456789012")
        #expect(foreign.isForeign)
    }

    @Test("R-EL-01 Persian/Arabic digits, spaces and dashes are normalized")
    func normalized() throws {
        #expect(try PersonIdentifier("۰۰۷۶۲۲۹۶۴۵").key == "0076229645")
        #expect(try PersonIdentifier(" 158-325068-9 ").key == "1583250689")
        #expect(try PersonIdentifier("١٢٣ ٤٥٦ ٧٨٩ ٠١٢").key == "123456789012")
    }

    @Test("R-EL-01 a 10-digit code with a bad check digit keeps NationalCode's own error")
    func badCheckDigit() {
        // 0076229646: c must be 5
        let error = #expect(throws: DomainError.self) { try PersonIdentifier("0076229646") }
        #expect(error?.code == "invalid-national-code")
        #expect(error?.field == "nationalCode")
    }

    @Test("R-EL-01 other lengths and non-digits throw invalid-person-id", arguments: [
        "", "   ", "12345", "076229645", "00762296451", "12345678901234", "abc", "0076229645x", "۰۰۷۶۲۲۹۶۴۵۱",
    ])
    func wrongShape(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try PersonIdentifier(raw) }
        #expect(error?.code == "invalid-person-id")
        #expect(error?.field == "nationalCode")
        #expect(error?.message == "کد ملی ۱۰ رقمی یا شناسه اتباع خارجی ۱۲ رقمی لازم است.")
    }

    @Test("R-EL-01 all-same twelve digits keep ForeignID's error")
    func fillerForeignID() {
        let error = #expect(throws: DomainError.self) { try PersonIdentifier("111111111111") }
        #expect(error?.code == "invalid-foreign-id")
    }

    @Test("R-EL-02 relation parses English values and Persian words")
    func relations() throws {
        let cases: [(String, EntitlementRelation)] = [
            ("main", .main), (" Spouse ", .spouse), ("CHILD", .child), ("parent", .parent), ("other", .other),
            ("اصلی", .main), ("بیمه‌شده اصلی", .main), ("بیمه شده اصلی", .main), ("بيمه‌شده اصلي", .main),
            ("همسر", .spouse), ("فرزند", .child), ("پدر", .parent), ("مادر", .parent), ("والدین", .parent),
            ("والدين", .parent), ("سایر", .other), ("ساير", .other), ("\u{200F} همسر \u{200C}", .spouse),
        ]
        for (raw, expected) in cases {
            #expect(try EntitlementRelation(parsing: raw) == expected, "\(raw)")
        }
    }

    @Test("R-EL-02 unknown relations throw invalid-relation", arguments: ["", "mother", "wife", "عمو", "ma in", "main1"])
    func badRelation(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try EntitlementRelation(parsing: raw) }
        #expect(error?.code == "invalid-relation")
        #expect(error?.field == "relation")
    }

    @Test("R-EL-02 every relation has a Persian name that parses back")
    func persianNames() throws {
        for relation in EntitlementRelation.allCases {
            #expect(!relation.persianName.isEmpty)
            // «پدر/مادر» is display text, not an input word; the others round-trip.
            if relation != .parent { #expect(try EntitlementRelation(parsing: relation.persianName) == relation) }
        }
    }
}
