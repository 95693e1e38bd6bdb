import Testing
@testable import InsuranceKit

/// R-CL-10: what a payment order prints — the amount in words and the payee's IBAN (Sheba).
@Suite("R-CL-10 payment order content: amount in words, IBAN")
struct PaymentOrderContentTests {
    @Test("R-CL-10 amounts in Persian words, groups of three joined by «و», a one before a scale written",
          arguments: [
            // 0 has its own word
            (Int64(0), "صفر"),
            (1, "یک"),
            // 115 = 100 + 15 (teens are one word)
            (115, "صد و پانزده"),
            // 1,000 = 1 × 10³
            (1_000, "یک هزار"),
            // 1,001 = 1 × 10³ + 1
            (1_001, "یک هزار و یک"),
            // 1,000,001: the empty thousands group is left out
            (1_000_001, "یک میلیون و یک"),
            // 1,250,000 = 1 × 10⁶ + 250 × 10³
            (1_250_000, "یک میلیون و دویست و پنجاه هزار"),
            // 25,200,000 = 25 × 10⁶ + 200 × 10³ (the computer claim's payable)
            (25_200_000, "بیست و پنج میلیون و دویست هزار"),
            (1_000_000_000, "یک میلیارد"),
            // 10¹² (short scale, as used in Iran)
            (1_000_000_000_000, "یک تریلیون"),
            // Int64.max = 9,223,372,036,854,775,807: 9 × 10¹⁸ + 223 × 10¹⁵ + 372 × 10¹² + 36 × 10⁹ + 854 × 10⁶ + 775 × 10³ + 807
            (Int64.max, "نه کوینتیلیون و دویست و بیست و سه کوادریلیون و سیصد و هفتاد و دو تریلیون و سی و شش میلیارد و "
                + "هشتصد و پنجاه و چهار میلیون و هفتصد و هفتاد و پنج هزار و هشتصد و هفت"),
            (-1_500, "منفی یک هزار و پانصد"),
            // Int64.min = −9,223,372,036,854,775,808: its magnitude has no Int64, the words still come
            (Int64.min, "منفی نه کوینتیلیون و دویست و بیست و سه کوادریلیون و سیصد و هفتاد و دو تریلیون و سی و شش میلیارد و "
                + "هشتصد و پنجاه و چهار میلیون و هفتصد و هفتاد و پنج هزار و هشتصد و هشت"),
          ])
    func words(_ number: Int64, _ expected: String) {
        // given a number; when written out; then the hand-written words
        #expect(PersianNumberWords.words(number) == expected)
    }

    @Test("R-CL-10 the order's amount line carries its unit: 1,250,000 → «یک میلیون و دویست و پنجاه هزار ریال»")
    func rialWords() {
        #expect(Rial(amount: 1_250_000).inWords == "یک میلیون و دویست و پنجاه هزار ریال")
        #expect(Rial(amount: 0).inWords == "صفر ریال")
    }

    // IR20 0170 0000 0000 0123 4567 89, by hand: move "IR20" to the end and write I = 18, R = 27:
    // 0170000000000123456789 · 18 27 20 → 0170000000000123456789182720; mod 97 nine digits at a time:
    //   017000000 = 175257 × 97 + 71
    //   71 0000123 = 710000123 = 7319588 × 97 + 87
    //   87 4567891 = 874567891 = 9016163 × 97 + 80
    //   80 82720   = 8082720   = 83327 × 97 + 1   → remainder 1: valid.
    // With "00" as check digits the last step is 8082700 = 83326 × 97 + 78, so the check is 98 − 78 = 20.
    static let valid = "IR200170000000000123456789"

    @Test("R-CL-10 a valid IBAN by the ISO 13616 mod-97 checksum, typed many ways, is one value")
    func validIBAN() throws {
        for typed in [Self.valid, "IR20 0170 0000 0000 0123 4567 89", "ir20-0170-0000-0000-0123-4567-89",
                      "IR۲۰ ۰۱۷۰ ۰۰۰۰ ۰۰۰۰ ۰۱۲۳ ۴۵۶۷ ۸۹", "IR٢٠٠١٧٠٠٠٠٠٠٠٠٠٠١٢٣٤٥٦٧٨٩", "200170000000000123456789",
                      "\u{200F}IR20 0170 0000 0000 0123 4567 89 "] {
            let sheba = try Sheba(typed)
            #expect(sheba.value == Self.valid, "\(typed)")
        }
        #expect(try Sheba(Self.valid).printed == "IR20 0170 0000 0000 0123 4567 89")
        #expect(Sheba.checkDigits(bban: "0170000000000123456789") == "20")
        // IR06 2960 0000 0010 0324 2000 01: 296000000 = 3051546 × 97 + 38; 380100324 = 3918560 × 97 + 4;
        // 042000011 = 432989 × 97 + 78; 7882706 = 81265 × 97 + 1 → valid
        #expect(Sheba.isValid("IR062960000000100324200001"))
        #expect(Sheba.checkDigits(bban: "2960000000100324200001") == "06")
    }

    @Test("R-CL-10 invalid IBANs are `invalid-iban` on field iban",
          arguments: [
            "",                                // nothing
            "IR210170000000000123456789",      // one check digit off: remainder 2
            "IR200170000000000123456780",      // last digit changed
            "DE200170000000000123456789",      // not Iranian
            "IR20017000000000012345678",       // 25 characters
            "IR2001700000000001234567890",     // 27 characters
            "IR20017000000000012345678X",      // a letter among the digits
            "IR010170000000000000000000",      // check digits 01 are never issued
            String(repeating: "1", count: 300),
          ])
    func invalidIBAN(_ raw: String) {
        do {
            _ = try Sheba(raw)
            Issue.record("\(raw) accepted")
        } catch let error as DomainError {
            #expect(error.code == "invalid-iban")
            #expect(error.field == "iban")
        } catch { Issue.record("\(error)") }
    }
}

/// R-CL-05, R-CL-10: what a payment order needs before it is issued and when it is paid.
@Suite("R-CL-05/10 payment order rules")
struct PaymentOrderRulesTests {
    private func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as DomainError { return e.code } catch { return "\(error)" }
    }

    @Test("R-CL-05 the inspecting lines order payment only after the head approved the latest appointment")
    func appointment() throws {
        let computer = try ClaimRules.rules(forProduct: "computer")
        let allRisk = try ClaimRules.rules(forProduct: "contractors-all-risk")
        let liability = try ClaimRules.rules(forProduct: "employers-liability")
        #expect(computer.appointmentApprovalRequired && allRisk.appointmentApprovalRequired)
        #expect(!liability.appointmentApprovalRequired)
        // no visit at all; a visit not approved; approved; a second visit after the approval
        #expect(code { try computer.checkAppointmentApproved([]) } == "appointment-not-approved")
        #expect(code { try computer.checkAppointmentApproved([.scheduled]) } == "appointment-not-approved")
        #expect(code { try computer.checkAppointmentApproved([.scheduled, .approved]) } == nil)
        #expect(code { try computer.checkAppointmentApproved([.scheduled, .approved, .scheduled]) } == "appointment-not-approved")
        #expect(code { try computer.checkAppointmentApproved([.scheduled, .scheduled, .approved]) } == nil)
        // a line that does not ask for it passes whatever the steps
        #expect(code { try liability.checkAppointmentApproved([]) } == nil)
        #expect(code { try liability.checkAppointmentApproved([.scheduled]) } == nil)
    }

    @Test("R-CL-10 the employer collecting a liability payment brings the certificate's number and a date not after today")
    func certificate() throws {
        let today = try JalaliDate(parsing: "1405/01/10")
        let liability = try ClaimRules.rules(forProduct: "employers-liability")
        let computer = try ClaimRules.rules(forProduct: "computer")
        #expect(NotarizedCertificate.required(by: liability, collectorIsPolicyholder: true))
        #expect(!NotarizedCertificate.required(by: liability, collectorIsPolicyholder: false))
        #expect(!NotarizedCertificate.required(by: computer, collectorIsPolicyholder: true))
        // number trimmed, digits made Latin; today itself is allowed
        let c = try NotarizedCertificate(number: "  ۱۲۳۴/ب-۵ ", date: today, today: today)
        #expect(c.number == "1234/ب-5")
        #expect(code { _ = try NotarizedCertificate(number: " ", date: today, today: today) } == "required")
        #expect(code { _ = try NotarizedCertificate(number: "12;DROP", date: today, today: today) } == "invalid-certificate-number")
        #expect(code { _ = try NotarizedCertificate(number: String(repeating: "1", count: 51), date: today, today: today) } == "invalid-certificate-number")
        // 1405/01/11 is tomorrow
        #expect(code { _ = try NotarizedCertificate(number: "1", date: try JalaliDate(parsing: "1405/01/11"), today: today) } == "date-in-future")
    }

    @Test("R-CL-10 the bank transfer reference: trimmed, 4…40 Latin letters, digits or '-'")
    func transferReference() throws {
        #expect(try BankTransferReference("  ۱۲۳۴۵۶۷۸ ").value == "12345678")
        #expect(try BankTransferReference("ir-ach-9001").value == "IR-ACH-9001")
        #expect(code { _ = try BankTransferReference("   ") } == "required")
        #expect(code { _ = try BankTransferReference("123") } == "invalid-transfer-reference")
        #expect(code { _ = try BankTransferReference(String(repeating: "9", count: 41)) } == "invalid-transfer-reference")
        #expect(code { _ = try BankTransferReference("12 34 56") } == "invalid-transfer-reference")
        #expect(code { _ = try BankTransferReference("پیگیری۱۲۳۴") } == "invalid-transfer-reference")
        #expect(try BankTransferReference(String(repeating: "9", count: 40)).value.count == 40)
    }

    @Test("R-CL-10 an order is paid once, on a day between its date and today")
    func paidOnce() throws {
        let order = try JalaliDate(parsing: "1405/01/08"), today = try JalaliDate(parsing: "1405/01/10")
        #expect(code { try PaymentOrderPayment.check(alreadyPaidOn: nil, orderDate: order, paidOn: today, today: today) } == nil)
        #expect(code { try PaymentOrderPayment.check(alreadyPaidOn: nil, orderDate: order, paidOn: order, today: today) } == nil)
        #expect(code { try PaymentOrderPayment.check(alreadyPaidOn: today, orderDate: order, paidOn: today, today: today) } == "order-already-paid")
        #expect(code { try PaymentOrderPayment.check(alreadyPaidOn: nil, orderDate: order, paidOn: try JalaliDate(parsing: "1405/01/07"), today: today) } == "paid-before-order")
        #expect(code { try PaymentOrderPayment.check(alreadyPaidOn: nil, orderDate: order, paidOn: try JalaliDate(parsing: "1405/01/11"), today: today) } == "date-in-future")
    }
}
