import Testing
@testable import InsuranceKit

/// Replays fixed words so generated codes can be checked by hand.
struct FixedWords: RandomNumberGenerator {
    var words: [UInt64]
    var index = 0
    mutating func next() -> UInt64 {
        defer { index += 1 }
        return words[index % words.count]
    }
}

@Suite("R-EL-02 credit code, R-EL-05 HID")
struct EligibilityCodesTests {
    @Test("R-EL-02 generated credit codes: 10 digits, first non-zero, parse back")
    func creditGenerate() throws {
        var rng = SplitMix64(seed: 2024)
        var seen = Set<String>()
        for _ in 0..<2_000 {
            let code = CreditCode.generate(using: &rng)
            #expect(code.value.utf8.count == 10)
            #expect(code.value.utf8.allSatisfy { (0x30...0x39).contains($0) })
            #expect(code.value.first != "0")
            #expect(try CreditCode(parsing: code.value) == code)
            seen.insert(code.value)
        }
        #expect(seen.count > 1_990)   // 9·10⁹ values: collisions in 2,000 draws are rare
    }

    @Test("R-EL-02 credit code parsing normalizes digits and spaces")
    func creditParse() throws {
        #expect(try CreditCode(parsing: "۱۲۳۴ ۵۶۷۸ ۹۰").value == "1234567890")
        #expect(try CreditCode(parsing: " 9876-543210 ").value == "9876543210")
    }

    @Test("R-EL-02 bad credit codes throw invalid-credit-code",
          arguments: ["", "0123456789", "123456789", "12345678901", "12345abcde", "۰۱۲۳۴۵۶۷۸۹"])
    func creditBad(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try CreditCode(parsing: raw) }
        #expect(error?.code == "invalid-credit-code")
        #expect(error?.field == "creditCode")
    }

    @Test("R-EL-05 HID encodes 80 bits, most significant first (hand-checked)")
    func hidBits() {
        // high 16 bits = 0xFFFF, low 64 = 0: bits 79…64 are 1.
        // chars 1–3 cover bits 79…65 = 11111 → 'Z'; char 4 covers bits 64…60 = 10000 = 16 → 'G'.
        var ones = FixedWords(words: [0xFFFF, 0])
        #expect(HealthID.generate(using: &ones).value == "ZZZG000000000000")
        // low = 1002 = 31·32 + 10 → last two characters 'Z' (31) and 'A' (10).
        var small = FixedWords(words: [0, 1002])
        #expect(HealthID.generate(using: &small).value == "00000000000000ZA")
        // Only the low 16 bits of the first word are used: 0x1_0000 contributes nothing.
        var masked = FixedWords(words: [0x1_0000, 1])
        #expect(HealthID.generate(using: &masked).value == "0000000000000001")
    }

    @Test("R-EL-05 generated HIDs use the Crockford alphabet and parse back")
    func hidGenerate() throws {
        var rng = SplitMix64(seed: 9)
        let alphabet = Set(HealthID.alphabet)
        #expect(HealthID.alphabet == "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        for _ in 0..<1_000 {
            let hid = HealthID.generate(using: &rng)
            #expect(hid.value.count == 16)
            #expect(hid.value.allSatisfy(alphabet.contains))
            #expect(try HealthID(parsing: hid.grouped) == hid)
            #expect(try HealthID(parsing: hid.value.lowercased()) == hid)
        }
    }

    @Test("R-EL-05 HID parsing: case, dashes, spaces, O→0, I/L→1, Persian digits")
    func hidParse() throws {
        let hid = try HealthID(parsing: "7k3m-q9zx-oa4b-tt2l")
        #expect(hid.value == "7K3MQ9ZX0A4BTT21")
        #expect(hid.grouped == "7K3M-Q9ZX-0A4B-TT21")
        #expect(try HealthID(parsing: " 7K3M Q9ZX 0A4B TT2I ").value == "7K3MQ9ZX0A4BTT21")
        #expect(try HealthID(parsing: "۷K3MQ9ZX0A4BTT21").value == "7K3MQ9ZX0A4BTT21")
    }

    @Test("R-EL-05 bad HIDs throw invalid-hid", arguments: [
        "", "7K3MQ9ZX0A4BTT2", "7K3MQ9ZX0A4BTT211", "7K3MQ9ZX0A4BTT2U", "7K3MQ9ZX0A4BTT2!", "7K3MQ9ZX0A4BTT2😀",
        String(repeating: "A", count: 10_000),
    ])
    func hidBad(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try HealthID(parsing: raw) }
        #expect(error?.code == "invalid-hid")
        #expect(error?.field == "hid")
    }
}
