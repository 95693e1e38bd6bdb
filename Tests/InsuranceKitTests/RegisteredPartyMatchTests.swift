import Testing
@testable import InsuranceKit

/// R-G-08: what an agency must send to be given a customer another channel registered.
@Suite("R-G-08 matching a customer registered elsewhere")
struct RegisteredPartyMatchTests {
    let born = try! JalaliDate(year: 1365, month: 4, day: 12)

    @Test("R-G-08 both names and the birth date equal: a match")
    func exact() throws {
        #expect(RegisteredPartyMatch.natural(storedFirstName: "مریم", storedLastName: "احمدی", storedBirthDate: born,
                                             firstName: "مریم", lastName: "احمدی", birthDate: born))
    }

    @Test("R-G-08 the same name typed with Arabic letters, a space or a ZWNJ still matches")
    func spelling() throws {
        // «علي» (Arabic yeh) is «علی»; «محمد علی», «محمد‌علی» (ZWNJ) and «محمدعلی» are one name
        #expect(RegisteredPartyMatch.natural(storedFirstName: "محمدعلی", storedLastName: "کاظمی", storedBirthDate: born,
                                             firstName: "محمد علي", lastName: "كاظمي", birthDate: born))
        #expect(RegisteredPartyMatch.natural(storedFirstName: "محمد علی", storedLastName: "کاظمی", storedBirthDate: born,
                                             firstName: "محمد\u{200C}علی", lastName: " کاظمی ", birthDate: born))
    }

    @Test("R-G-08 one wrong part is no match: first name, last name, birth date a day off")
    func oneWrongPart() throws {
        let dayOff = try JalaliDate(year: 1365, month: 4, day: 13)
        #expect(!RegisteredPartyMatch.natural(storedFirstName: "مریم", storedLastName: "احمدی", storedBirthDate: born,
                                              firstName: "مریمه", lastName: "احمدی", birthDate: born))
        #expect(!RegisteredPartyMatch.natural(storedFirstName: "مریم", storedLastName: "احمدی", storedBirthDate: born,
                                              firstName: "مریم", lastName: "محمدی", birthDate: born))
        #expect(!RegisteredPartyMatch.natural(storedFirstName: "مریم", storedLastName: "احمدی", storedBirthDate: born,
                                              firstName: "مریم", lastName: "احمدی", birthDate: dayOff))
    }

    @Test("R-G-08 without a birth date on either side there is no match: the names alone are too easy to know")
    func birthDateRequired() throws {
        #expect(!RegisteredPartyMatch.natural(storedFirstName: "مریم", storedLastName: "احمدی", storedBirthDate: born,
                                              firstName: "مریم", lastName: "احمدی", birthDate: nil))
        #expect(!RegisteredPartyMatch.natural(storedFirstName: "مریم", storedLastName: "احمدی", storedBirthDate: nil,
                                              firstName: "مریم", lastName: "احمدی", birthDate: born))
        #expect(!RegisteredPartyMatch.natural(storedFirstName: "مریم", storedLastName: "احمدی", storedBirthDate: nil,
                                              firstName: "مریم", lastName: "احمدی", birthDate: nil))
    }

    @Test("R-G-08 a legal person: its name, compared as names are; empty never matches")
    func legal() throws {
        #expect(RegisteredPartyMatch.legal(storedName: "شرکت نمونه سازان", name: "شركت نمونه‌سازان"))
        #expect(!RegisteredPartyMatch.legal(storedName: "شرکت نمونه سازان", name: "شرکت نمونه"))
        #expect(!RegisteredPartyMatch.legal(storedName: "", name: ""))
        #expect(!RegisteredPartyMatch.legal(storedName: nil, name: nil))
    }
}
