import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-G-05 national code")
struct NationalCodeTests {
    @Test("R-G-05 valid vectors with hand-computed check digits")
    func validVectors() throws {
        // 0076229645: 0·10 + 0·9 + 7·8 + 6·7 + 2·6 + 2·5 + 9·4 + 6·3 + 4·2
        //           = 0 + 0 + 56 + 42 + 12 + 10 + 36 + 18 + 8 = 182; 182 mod 11 = 6 (176 = 16·11)
        //           r = 6 ≥ 2 ⇒ c = 11 − 6 = 5 = last digit ✓
        #expect(try NationalCode("0076229645").value == "0076229645")
        // 1583250689: 10 + 45 + 64 + 21 + 12 + 25 + 0 + 18 + 16 = 211; 211 mod 11 = 2 (209 = 19·11)
        //           c = 11 − 2 = 9 ✓
        #expect(try NationalCode("1583250689").value == "1583250689")
        // 0011537027: 0 + 0 + 8 + 7 + 30 + 15 + 28 + 0 + 4 = 92; 92 mod 11 = 4 ⇒ c = 7 ✓
        #expect(try NationalCode("0011537027").value == "0011537027")
    }

    @Test("R-G-05 remainders below 2 are the check digit itself")
    func smallRemainders() throws {
        // 1000000060: 1·10 + 6·2 = 22; 22 mod 11 = 0 ⇒ c = 0 ✓
        #expect(NationalCode.isValid("1000000060"))
        // 0000000061: 6·2 = 12; 12 mod 11 = 1 ⇒ c = 1 ✓
        #expect(NationalCode.isValid("0000000061"))
        #expect(!NationalCode.isValid("0000000062"))
    }

    @Test("R-G-05 8–9 digit input is left-padded; Persian digits and dashes accepted")
    func normalizedInput() throws {
        #expect(try NationalCode("11537027").value == "0011537027")   // 8 digits → 00 + …
        #expect(try NationalCode("076229645").value == "0076229645")  // 9 digits → 0 + …
        #expect(try NationalCode("۰۰۷۶۲۲۹۶۴۵").value == "0076229645")
        #expect(try NationalCode("٠٠٧٦٢٢٩٦٤٥").value == "0076229645")
        #expect(try NationalCode(" 007-622964-5 ").value == "0076229645")
        #expect(try NationalCode("0076229645").description == "0076229645")
    }

    @Test("R-G-05 invalid inputs throw invalid-national-code", arguments: [
        "0076229646",   // r = 6 ⇒ c = 5, not 6
        "1111111111",   // Σ = 1·54 = 54, 54 mod 11 = 10 ⇒ c = 1: passes the sum, rejected as all-same
        "0000000000",   // Σ = 0 ⇒ c = 0: passes the sum, rejected as all-same
        "12345", "1537027", "abcdefghij", "", "   ", "00762296451", "007622964a", "0076229645 x",
    ])
    func invalid(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try NationalCode(raw) }
        #expect(error?.code == "invalid-national-code")
        #expect(error?.field == "nationalCode")
        #expect(!NationalCode.isValid(raw))
    }

    @Test("R-G-05 a 10 MB input is rejected (length is checked before any digit work)")
    func hugeInput() {
        let huge = String(repeating: "1", count: 10_000_000)
        #expect(!NationalCode.isValid(huge))
    }

    @Test("R-G-05 check digit helper and generator")
    func generator() throws {
        // 007622964 → c = 5 (see validVectors); 158325068 → 9
        #expect(NationalCode.checkDigit(forFirstNine: 7_622_964) == 5)
        #expect(NationalCode.checkDigit(forFirstNine: "158325068") == 9)
        #expect(NationalCode.checkDigit(forFirstNine: "15832506") == nil)
        #expect(NationalCode.checkDigit(forFirstNine: 1_000_000_000) == nil)
        #expect(NationalCode.checkDigit(forFirstNine: -1) == nil)
        #expect(NationalCode.make(prefix: 7_622_964)?.value == "0076229645")
        #expect(NationalCode.make(prefix: 1_153_702)?.value == "0011537027")
        // 111111111: Σ = 54, r = 10 ⇒ c = 1 ⇒ 1111111111 is all-same ⇒ nil; 0 ⇒ 0000000000 ⇒ nil
        #expect(NationalCode.make(prefix: 111_111_111) == nil)
        #expect(NationalCode.make(prefix: 0) == nil)
        #expect(NationalCode.make(prefix: -5) == nil)
        #expect(NationalCode.make(prefix: 1_000_000_000) == nil)
        // property: every generated code validates
        for prefix in stride(from: 1, to: 999_999_999, by: 7_919_993) {
            let code = try #require(NationalCode.make(prefix: prefix))
            #expect(NationalCode.isValid(code.value))
        }
    }

    @Test("R-G-05 Codable as a plain string; decoding validates")
    func codable() throws {
        let code = try NationalCode("0076229645")
        #expect(String(decoding: try JSONEncoder().encode([code]), as: UTF8.self) == #"["0076229645"]"#)
        let decoded = try JSONDecoder().decode([NationalCode].self, from: Data(#"["۰۰۷-۶۲۲۹۶۴-۵"]"#.utf8))
        #expect(decoded == [code])
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([NationalCode].self, from: Data(#"["0076229646"]"#.utf8))
        }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted")
            return
        }
        #expect((context.underlyingError as? DomainError)?.code == "invalid-national-code")
    }
}

@Suite("R-G-05 legal national ID")
struct LegalIDTests {
    @Test("R-G-05 valid vector 10380284790")
    func validVector() throws {
        // d = d₁₀ + 2 = 9 + 2 = 11
        // (1+11)·29 = 348, (0+11)·27 = 297, (3+11)·23 = 322, (8+11)·19 = 361, (0+11)·17 = 187,
        // (2+11)·29 = 377, (8+11)·27 = 513, (4+11)·23 = 345, (7+11)·19 = 342, (9+11)·17 = 340
        // Σ = 3432 = 312·11 ⇒ r = 0 = d₁₁ ✓
        #expect(try LegalID("10380284790").value == "10380284790")
        #expect(try LegalID("۱۰۳۸۰۲۸۴۷۹۰").value == "10380284790")
        #expect(try LegalID("1038-0284-790").description == "10380284790")
    }

    @Test("R-G-05 remainder 10 becomes check digit 0")
    func remainderTen() {
        // 14003123450: d = 5 + 2 = 7
        // 8·29 = 232, 11·27 = 297, 7·23 = 161, 7·19 = 133, 10·17 = 170,
        // 8·29 = 232, 9·27 = 243, 10·23 = 230, 11·19 = 209, 12·17 = 204
        // Σ = 2111 = 191·11 + 10 ⇒ r = 10 → 0 = d₁₁ ✓
        #expect(LegalID.isValid("14003123450"))
        #expect(!LegalID.isValid("14003123451"))
    }

    @Test("R-G-05 invalid legal IDs throw invalid-legal-id", arguments: [
        "10380284791",   // r = 0 ≠ 1
        "33333333333",   // d = 5: 8·(29+27+23+19+17)·2 = 1840 ≡ 3 = d₁₁, passes the sum; all-same
        "1038028479", "103802847900", "", "1038028479a",
    ])
    func invalid(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try LegalID(raw) }
        #expect(error?.code == "invalid-legal-id")
    }

    @Test("R-G-05 a huge legal ID input is rejected without scanning it")
    func huge() {
        #expect(!LegalID.isValid(String(repeating: "9", count: 10_000_000)))
        #expect(!ForeignID.isValid(String(repeating: "9", count: 10_000_000)))
    }

    @Test("R-G-05 Codable as a plain string")
    func codable() throws {
        let id = try LegalID("10380284790")
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == #"["10380284790"]"#)
        #expect(try JSONDecoder().decode([LegalID].self, from: data) == [id])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LegalID].self, from: Data(#"["10380284791"]"#.utf8))
        }
    }
}

@Suite("R-G-05 foreign national ID")
struct ForeignIDTests {
    @Test("R-G-05 twelve digits, format only")
    func valid() throws {
        #expect(try ForeignID("123456789012").value == "123456789012")
        #expect(try ForeignID("۱۲۳۴-۵۶۷۸-۹۰۱۲").value == "123456789012")
        #expect(ForeignID.isValid("000000000001"))
    }

    @Test("R-G-05 invalid foreign IDs throw invalid-foreign-id", arguments: [
        "12345678901", "1234567890123", "111111111111", "12345678901a", "",
    ])
    func invalid(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try ForeignID(raw) }
        #expect(error?.code == "invalid-foreign-id")
    }

    @Test("R-G-05 Codable as a plain string")
    func codable() throws {
        let data = Data(#"["123456789012"]"#.utf8)
        let ids = try JSONDecoder().decode([ForeignID].self, from: data)
        #expect(try JSONEncoder().encode(ids) == data)
    }
}
