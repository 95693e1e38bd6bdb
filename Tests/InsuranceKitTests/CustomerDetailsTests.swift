import InsuranceKit
import Testing

/// The customer file's details (issue #16 item 1): IBAN (ISO 13616 mod-97), postal code, economic code.
@Suite("Customer details (issue #16)")
struct CustomerDetailsTests {
    /// IR580540105180021273113007: move «IR58» to the end, I = 18, R = 27 →
    /// 0540105180021273113007 1827 58. Mod 97 piece by piece:
    /// 054010518 mod 97 = 45 (97·556809 = 54010473); 45 0021273 mod 97 = 55 (97·4639394 = 450021218);
    /// 55 1130071 mod 97 = 30 (97·5681753 = 551130041); 30 82758 mod 97 = 1 (97·31781 = 3082757) → valid.
    @Test("issue #16 a valid IBAN by the hand-worked mod-97; spaces, lower case and Persian digits are accepted")
    func validIBAN() throws {
        #expect(try IBAN("IR580540105180021273113007").value == "IR580540105180021273113007")
        #expect(try IBAN("ir58 0540 1051 8002 1273 1130 07").value == "IR580540105180021273113007")
        #expect(try IBAN("IR۵۸۰۵۴۰۱۰۵۱۸۰۰۲۱۲۷۳۱۱۳۰۰۷").value == "IR580540105180021273113007")
    }

    /// The last digit 7 → 8 adds 10⁶ to the number (six digits «182758» follow it):
    /// 10⁶ mod 97 = 1000000 − 97·10309 = 27, so the remainder is 1 + 27 = 28 ≠ 1.
    @Test("issue #16 a one-digit change, a wrong country or length is invalid-iban", arguments: [
        "IR580540105180021273113008", "IR590540105180021273113007", "DE580540105180021273113007",
        "IR58054010518002127311300", "IR5805401051800212731130070", "IR58054010518002127311300A", "",
    ])
    func invalidIBAN(text: String) {
        #expect(throws: DomainError.invalidIBAN) { try IBAN(text) }
    }

    @Test("issue #16 a postal code is 10 digits (Persian digits and dashes accepted)")
    func postalCode() throws {
        #expect(try PostalCode("۱۴۳۵۹-۱۳۱۱۱").value == "1435913111")
        #expect(throws: DomainError.invalidPostalCode) { try PostalCode("143591311") }
        #expect(throws: DomainError.invalidPostalCode) { try PostalCode("14359131110") }
        #expect(throws: DomainError.invalidPostalCode) { try PostalCode("14359a3111") }
    }

    @Test("issue #16 an economic code is 12 digits")
    func economicCode() throws {
        #expect(try EconomicCode("411111111111").value == "411111111111")
        #expect(throws: DomainError.invalidEconomicCode) { try EconomicCode("41111111111") }
    }
}
