import Foundation
import Testing
@testable import InsuranceKit

@Suite("DomainError")
struct DomainErrorTests {
    @Test("R-G-01..R-G-05 error codes are stable API words")
    func codes() {
        #expect(DomainError.invalidNationalCode.code == "invalid-national-code")
        #expect(DomainError.invalidLegalID.code == "invalid-legal-id")
        #expect(DomainError.invalidForeignID.code == "invalid-foreign-id")
        #expect(DomainError.amountOverflow.code == "amount-overflow")
        #expect(DomainError.negativeAmount.code == "negative-amount")
        #expect(DomainError.invalidPercent.code == "invalid-percent")
        #expect(DomainError.invalidDate.code == "invalid-date")
        #expect(DomainError.invalidTerm.code == "invalid-term")
        #expect(DomainError.invalidRatio.code == "invalid-ratio")
    }

    @Test("R-G-05 Persian user messages")
    func messages() {
        #expect(DomainError.invalidNationalCode.message == "کد ملی واردشده معتبر نیست.")
        #expect(DomainError.invalidLegalID.message == "شناسه ملی اشخاص حقوقی معتبر نیست.")
        #expect(DomainError.invalidForeignID.message == "شناسه اتباع خارجی باید ۱۲ رقم باشد.")
        #expect(DomainError.amountOverflow.message == "مبلغ از حد مجاز بزرگ‌تر است.")
        #expect(DomainError.negativeAmount.message == "مبلغ نمی‌تواند منفی باشد.")
        #expect(DomainError.invalidTerm.message == "تاریخ پایان باید بعد از تاریخ شروع باشد.")
        #expect(DomainError.amountOverflow.localizedDescription == "مبلغ از حد مجاز بزرگ‌تر است.")
    }

    @Test("withMessage and withField keep the code")
    func modifiers() {
        let e = DomainError.invalidNationalCode.withMessage("x").withField("insured.nationalCode")
        #expect(e.code == "invalid-national-code")
        #expect(e.message == "x")
        #expect(e.field == "insured.nationalCode")
    }
}
