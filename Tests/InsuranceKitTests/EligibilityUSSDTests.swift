import Testing
@testable import InsuranceKit

@Suite("R-EL-03 / R-EL-06 USSD menu")
struct EligibilityUSSDTests {
    @Test("R-EL-03 first call prompts for the identifier")
    func firstCall() {
        #expect(USSDMenu.step(serviceCode: "*1*1420*4#", text: "") == .prompt(USSDMenu.askForIdentifier))
        #expect(USSDMenu.step(serviceCode: " *1*1420*4# ", text: "  ") == .prompt(USSDMenu.askForIdentifier))
    }

    @Test("R-EL-03 the entered code leads to an inquiry; Persian digits accepted")
    func entered() throws {
        let person = try PersonIdentifier("0076229645")
        #expect(USSDMenu.step(serviceCode: USSDMenu.inquiryCode, text: "0076229645") == .inquire(person))
        #expect(USSDMenu.step(serviceCode: USSDMenu.inquiryCode, text: "۰۰۷۶۲۲۹۶۴۵") == .inquire(person))
        #expect(USSDMenu.step(serviceCode: "*۱*۱۴۲۰*۴#", text: " 0076229645 ") == .inquire(person))
        let foreign = try PersonIdentifier("123456789012")
        #expect(USSDMenu.step(serviceCode: USSDMenu.inquiryCode, text: "123456789012") == .inquire(foreign))
    }

    @Test("R-EL-03 the code may be dialed inline")
    func inline() throws {
        let person = try PersonIdentifier("0076229645")
        #expect(USSDMenu.step(serviceCode: "*1*1420*4*0076229645#", text: "") == .inquire(person))
        #expect(USSDMenu.step(serviceCode: "*1*1420*4*۱۵۸۳۲۵۰۶۸۹#", text: "") == .inquire(try PersonIdentifier("1583250689")))
    }

    @Test("R-EL-03 an invalid code ends the session with a Persian error")
    func invalidCode() {
        #expect(USSDMenu.step(serviceCode: USSDMenu.inquiryCode, text: "12345")
                == .end(DomainError.invalidPersonIdentifier.message))
        #expect(USSDMenu.step(serviceCode: USSDMenu.inquiryCode, text: "0076229646")
                == .end(DomainError.invalidNationalCode.message))
        #expect(USSDMenu.step(serviceCode: "*1*1420*4*12#", text: "")
                == .end(DomainError.invalidPersonIdentifier.message))
    }

    @Test("R-EL-02 the credit-code service issues a code")
    func credit() {
        #expect(USSDMenu.step(serviceCode: "*99*1420*4#", text: "") == .issueCreditCode)
        #expect(USSDMenu.step(serviceCode: USSDMenu.creditCode, text: "whatever") == .issueCreditCode)
    }

    @Test("R-EL-06 unknown service codes end politely")
    func unknown() {
        for code in ["*1*1420*5#", "*2*1420*4#", "*99*1420*4*1#", "*1*1420*4*1*2#", "1*1420*4#", "*1**1420*4#"] {
            #expect(USSDMenu.step(serviceCode: code, text: "") == .end(USSDMenu.unknownService), "\(code)")
        }
    }

    @Test("R-EL-06 nasty input never traps")
    func nasty() {
        let junk = ["", "*", "#", "*#", "**", "##", String(repeating: "*", count: 10_000), "😀", "*😀#",
                    "*1*1420*4*😀#", "\u{0}", "\u{200F}*1*1420*4#\u{200E}"]
        for serviceCode in junk + [USSDMenu.inquiryCode] {
            for text in junk {
                switch USSDMenu.step(serviceCode: serviceCode, text: text) {
                case .prompt(let s), .end(let s): #expect(!s.isEmpty)
                case .inquire, .issueCreditCode: Issue.record("junk accepted: \(serviceCode) / \(text)")
                }
            }
        }
        // A code with bidi marks around it is still the inquiry service.
        #expect(USSDMenu.step(serviceCode: "\u{200F}*1*1420*4#\u{200E}", text: "") == .prompt(USSDMenu.askForIdentifier))
    }

    @Test("R-EL-03 replies carry the gateway prefixes")
    func replies() {
        #expect(USSDMenu.con("سلام") == "CON سلام")
        #expect(USSDMenu.end(EligibilityAnswer.coveredMessage) == "END " + EligibilityAnswer.coveredMessage)
    }
}
