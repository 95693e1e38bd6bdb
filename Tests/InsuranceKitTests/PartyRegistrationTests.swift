import Testing
@testable import InsuranceKit

@Suite("R-G-08 party registration")
struct PartyRegistrationTests {
    let today = try! JalaliDate(year: 1405, month: 1, day: 10)

    @Test("R-G-08 a natural person by national code, normalized")
    func natural() throws {
        let result = PartyRegistration.validate(
            NaturalPersonForm(nationalCode: "۰۰۷۶۲۲۹۶۴۵", firstName: " علي ", lastName: "كاظمي", birthDate: "1365/4/12", mobile: "+989121234567"),
            today: today)
        let person = try result.get()
        #expect(person.identity == .national(try NationalCode("0076229645")))
        #expect(person.identity.key == "NC:0076229645")
        #expect(person.firstName == "علی")
        #expect(person.lastName == "کاظمی")
        #expect(person.birthDate == (try JalaliDate(year: 1365, month: 4, day: 12)))
        #expect(person.mobile?.value == "09121234567")
    }

    @Test("R-G-08 every problem is reported at once, each with its field")
    func allProblems() {
        let result = PartyRegistration.validate(
            NaturalPersonForm(nationalCode: "0076229646", firstName: "", lastName: nil, birthDate: "1405/01/11", mobile: "12345"),
            today: today)
        guard case .failure(let failure) = result else { Issue.record("must fail"); return }
        let byField = Dictionary(uniqueKeysWithValues: failure.errors.map { ($0.field ?? "", $0.code) })
        #expect(byField == ["nationalCode": "invalid-national-code", "firstName": "required", "lastName": "required",
                            "birthDate": "invalid-date", "mobile": "invalid-mobile"])
    }

    @Test("R-G-08 exactly one of national code and foreign ID")
    func identityChoice() {
        let both = PartyRegistration.validate(NaturalPersonForm(nationalCode: "0076229645", foreignID: "123456789012", firstName: "a", lastName: "b"), today: today)
        #expect((try? both.get()) == nil)
        let neither = PartyRegistration.validate(NaturalPersonForm(firstName: "a", lastName: "b"), today: today)
        guard case .failure(let failure) = neither else { Issue.record("must fail"); return }
        #expect(failure.errors.first?.code == "required")
        let foreign = PartyRegistration.validate(NaturalPersonForm(foreignID: "۱۲۳۴۵۶۷۸۹۰۱۲", firstName: "a", lastName: "b"), today: today)
        #expect((try? foreign.get())?.identity.key == "FI:123456789012")
    }

    @Test("R-G-08 markup and quotes in names are kept verbatim; over 100 characters is too long")
    func names() throws {
        let markup = "<b>O'Brien</b>"
        let person = try PartyRegistration.validate(NaturalPersonForm(nationalCode: "0076229645", firstName: markup, lastName: "x"), today: today).get()
        #expect(person.firstName == markup)
        let long = PartyRegistration.validate(NaturalPersonForm(nationalCode: "0076229645", firstName: String(repeating: "ب", count: 101), lastName: "x"), today: today)
        guard case .failure(let failure) = long else { Issue.record("must fail"); return }
        #expect(failure.errors.map(\.code) == ["too-long"])
    }

    @Test("R-G-08 a legal person by legal ID 10380284790")
    func legal() throws {
        let company = try PartyRegistration.validate(LegalPersonForm(legalID: "10380284790", name: "شركت نمونه")).get()
        #expect(company.identity.key == "LI:10380284790")
        #expect(company.name == "شرکت نمونه")
        #expect((try? PartyRegistration.validate(LegalPersonForm(legalID: "10380284791", name: "x")).get()) == nil)
    }

    @Test("mobile numbers in every common form become 09XXXXXXXXX", arguments: [
        ("09121234567", "09121234567"), ("+98 912 123 4567", "09121234567"), ("00989121234567", "09121234567"),
        ("989121234567", "09121234567"), ("9121234567", "09121234567"), ("۰۹۱۲-۱۲۳-۴۵۶۷", "09121234567"),
    ])
    func mobiles(raw: String, expected: String) throws {
        #expect(try MobileNumber(raw).value == expected)
    }

    @Test("invalid mobile numbers are refused", arguments: ["0212345678", "08121234567", "0912123456", "abc", "", "+1 555 123 4567"])
    func badMobiles(raw: String) {
        #expect(throws: DomainError.invalidMobile) { try MobileNumber(raw) }
    }
}

@Suite("R-G-09 online broker licence")
struct OnlineBrokerRuleTests {
    func date(_ y: Int, _ m: Int, _ d: Int) -> JalaliDate { try! JalaliDate(year: y, month: m, day: d) }

    @Test("R-G-09 valid through the expiry day, refused the day after and without a licence")
    func licence() throws {
        try OnlineBrokerRule.checkSale(licenceNumber: "CI-1403-17", licenceExpiry: date(1405, 1, 10), saleDate: date(1405, 1, 10))
        // Corrected (R-G-09 revised): the refusal's stable code is `broker-unlicensed`
        #expect(DomainError.brokerLicenceInvalid.code == "broker-unlicensed")
        #expect(throws: DomainError.brokerLicenceInvalid) {
            try OnlineBrokerRule.checkSale(licenceNumber: "CI-1403-17", licenceExpiry: date(1405, 1, 9), saleDate: date(1405, 1, 10))
        }
        #expect(throws: DomainError.brokerLicenceInvalid) {
            try OnlineBrokerRule.checkSale(licenceNumber: " ", licenceExpiry: date(1406, 1, 1), saleDate: date(1405, 1, 10))
        }
    }

    @Test("R-G-09 the rule applies from 1400/04/01, not before")
    func startDate() throws {
        try OnlineBrokerRule.checkSale(licenceNumber: nil, licenceExpiry: nil, saleDate: date(1400, 3, 31))
        #expect(throws: DomainError.brokerLicenceInvalid) {
            try OnlineBrokerRule.checkSale(licenceNumber: nil, licenceExpiry: nil, saleDate: date(1400, 4, 1))
        }
    }
}
