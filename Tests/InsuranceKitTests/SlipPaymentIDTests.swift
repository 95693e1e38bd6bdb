import Testing
@testable import InsuranceKit

@Suite("R-P-03 a bank slip's payment id")
struct SlipPaymentIDTests {
    @Test("R-P-03 1405, serial 1 → 0500000013; serial 1,234,567 → 0512345679 (Luhn check digit)")
    func make() throws {
        // body 050000001, from the right 1,0,0,0,0,0,0,5,0: doubled 1→2 and the zeros; plain 0,0,0,5 →
        // sum 2 + 5 = 7 → check (10 − 7) mod 10 = 3
        #expect(try SlipPaymentID.make(year: 1405, serial: 1) == "0500000013")
        // body 051234567, from the right 7,6,5,4,3,2,1,5,0: doubled 7→14→5, 5→10→1, 3→6, 1→2, 0→0 (14);
        // plain 6 + 4 + 2 + 5 = 17 → sum 31 → check (10 − 1) mod 10 = 9
        #expect(try SlipPaymentID.make(year: 1405, serial: 1_234_567) == "0512345679")
        #expect(throws: DomainError.self) { try SlipPaymentID.make(year: 1405, serial: 10_000_000) }
        #expect(throws: DomainError.self) { try SlipPaymentID.make(year: 1405, serial: 0) }
    }

    @Test("R-P-03 the id as typed: Persian digits and spaces accepted; a wrong digit or two swapped neighbours refused")
    func parse() throws {
        #expect(try SlipPaymentID.parse("۰۵۱۲ ۳۴۵ ۶۷۹") == "0512345679")
        // one digit wrong (the 6 typed as 8)
        #expect(throws: DomainError.self) { try SlipPaymentID.parse("0512345879") }
        // 1 and 2 swapped
        #expect(throws: DomainError.self) { try SlipPaymentID.parse("0521345679") }
        #expect(throws: DomainError.self) { try SlipPaymentID.parse("051234567") }
        #expect(throws: DomainError.self) { try SlipPaymentID.parse("05123456x9") }
        #expect(throws: DomainError.self) { try SlipPaymentID.parse("") }
    }
}
