import Testing
@testable import InsuranceKit

/// R-CL-10 amounts in words, as every printed document (policy, receipt, payment order,
/// endorsement) writes them beside the figures.
@Suite("R-CL-10 amounts in Persian words on printed documents")
struct AmountInWordsTests {
    @Test("R-CL-10 hand-written words of the print pack's examples", arguments: [
        (Int64(0), "صفر"),
        (1, "یک"),
        // 12 is a teen, one word
        (12, "دوازده"),
        (100, "صد"),
        // 101 = صد + یک
        (101, "صد و یک"),
        // the one before a scale is written, so nothing can be slipped in before it
        (1000, "یک هزار"),
        // 1,200,000 = 1 × 10⁶ + 200 × 10³
        (1_200_000, "یک میلیون و دویست هزار"),
        // 2,500,000,000 = 2 × 10⁹ + 500 × 10⁶
        (2_500_000_000, "دو میلیارد و پانصد میلیون"),
        (-1250, "منفی یک هزار و دویست و پنجاه"),
    ])
    func words(_ amount: Int64, _ expected: String) {
        #expect(PersianNumberWords.words(amount) == expected)
    }

    @Test("R-CL-10 with the unit: 1,200,000 rials → «یک میلیون و دویست هزار ریال»")
    func rials() {
        #expect(Rial(amount: 1_200_000).inWords == "یک میلیون و دویست هزار ریال")
    }

    @Test("R-CL-10 Int64.max has words: 9,223,372,036,854,775,807")
    func largest() {
        // 9 × 10¹⁸ + 223 × 10¹⁵ + 372 × 10¹² + 36 × 10⁹ + 854 × 10⁶ + 775 × 10³ + 807
        #expect(PersianNumberWords.words(.max) == "نه کوینتیلیون و دویست و بیست و سه کوادریلیون و سیصد و هفتاد و دو تریلیون و "
            + "سی و شش میلیارد و هشتصد و پنجاه و چهار میلیون و هفتصد و هفتاد و پنج هزار و هشتصد و هفت")
    }
}
