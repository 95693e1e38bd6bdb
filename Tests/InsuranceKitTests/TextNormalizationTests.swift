import Testing
@testable import InsuranceKit

@Suite("R-G-03 text normalization")
struct TextNormalizationTests {
    @Test("R-G-03 Persian and Arabic-Indic digits map to ASCII")
    func digits() {
        // ۰…۹ are U+06F0…U+06F9, ٠…٩ are U+0660…U+0669: each maps to 0…9 in order.
        #expect(Normalize.digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789")
        #expect(Normalize.digits("٠١٢٣٤٥٦٧٨٩") == "0123456789")
        #expect(Normalize.digits("کد ۱۲3") == "کد 123")
        #expect(Normalize.digits("plain 42") == "plain 42")
        #expect(Normalize.digits("") == "")
    }

    @Test("R-G-03 ASCII digits map to Persian for display")
    func persianDigits() {
        #expect(Normalize.persianDigits("1403/05/07") == "۱۴۰۳/۰۵/۰۷")
        #expect(Normalize.persianDigits("a9") == "a۹")
    }

    @Test("R-G-03 text: trims ends incl. ZWNJ and NBSP, collapses inner spaces, maps ي ى ك")
    func text() {
        // given Arabic-keyboard letters ي (U+064A), ك (U+0643) and stray spacing
        // then ی (U+06CC) and ک (U+06A9), one space, no ZWNJ at the end
        #expect(Normalize.text("  علي  كريمي \u{200C}") == "علی کریمی")
        #expect(Normalize.text("موسى") == "موسی")                     // ى U+0649 → ی
        #expect(Normalize.text("\u{00A0}x\u{00A0}") == "x")
        #expect(Normalize.text("a \t \u{00A0} b") == "a b")
        #expect(Normalize.text("می\u{200C}خواهم") == "می\u{200C}خواهم")   // inner ZWNJ is spelling
        #expect(Normalize.text("پلاک ۱۲") == "پلاک 12")
        #expect(Normalize.text("  \n\t ") == "")
        #expect(Normalize.text("\u{200F}تهران\u{200E}") == "تهران")
    }

    @Test("R-G-03 text keeps line breaks as single newlines per break")
    func textNewlines() {
        #expect(Normalize.text("خط  اول \r\n  خط دوم") == "خط اول\nخط دوم")
        #expect(Normalize.text("a\n\n b") == "a\n\nb")
    }

    @Test("R-G-05 identifier: drops spaces, dashes, ZWNJ and bidi marks, maps digits")
    func identifier() {
        #expect(Normalize.identifier("007-622964-5") == "0076229645")
        #expect(Normalize.identifier("۰۰۷ ۶۲۲ ۹۶۴۵") == "0076229645")
        #expect(Normalize.identifier("\u{200E}12\u{200C}3\u{2013}4 ") == "1234")
        #expect(Normalize.identifier("12a") == "12a")   // kept for the validator to reject
    }
}
