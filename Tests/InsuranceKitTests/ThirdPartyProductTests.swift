import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-TP-03/R-P-04 third-party product parameters")
struct ThirdPartyProductTests {
    @Test("R-P-01 code and title; sold through the catalog")
    func identity() throws {
        let product = ThirdPartyInsurance()
        #expect(product.code == "third-party")
        #expect(product.title == "بیمه شخص ثالث")
        #expect(try ProductCatalog.product("third-party").title == "بیمه شخص ثالث")
        #expect(product.claimNoticeDays == 5)   // R-CL-02: civil liability
    }

    /// 1404 is not leap (Esfand 29), so the day after 1404/12/29 is 1405/01/01.
    @Test("R-TP-03 cover starts at 00:00 of the day after purchase", arguments: [
        ("1404/03/01", "1404/03/02"), ("1404/06/31", "1404/07/01"), ("1404/12/29", "1405/01/01"),
        ("1403/12/29", "1403/12/30"),
    ])
    func coverStart(_ purchase: String, _ start: String) throws {
        #expect(ThirdPartyInsurance.coverStart(purchaseDate: try jalali(purchase)) == (try jalali(start)))
        #expect(ThirdPartyInsurance.coverStartInstant(purchaseDate: try jalali(purchase))
            == (try jalali(start)).startOfDay())
        // the same instant as R-G-04's "from 24:00 of the purchase day"
        #expect(ThirdPartyInsurance.coverStartInstant(purchaseDate: try jalali(purchase))
            == (try PolicyTerm(from: jalali(purchase), years: 1)).coverBegins)
    }

    @Test("R-P-04 natural persons: ≥ 50 % down, 1–6 monthly installments")
    func naturalPlans() throws {
        let rules = ThirdPartyInsurance().paymentPlans
        #expect(rules.downPaymentShare.lowerBound == Percent(50))
        #expect(rules.installmentCounts == 1...6)
        // 1,000,000 with 500,000 down in 6: 83,333 × 5 and 83,335; the last due 6 months later
        let schedule = try InstallmentSchedule.schedule(
            premium: 1_000_000, plan: .installments(downPayment: 500_000, count: 6), rules: rules,
            startingOn: jalali("1404/03/01"))
        #expect(schedule.map(\.amount.amount) == [500_000, 83_333, 83_333, 83_333, 83_333, 83_333, 83_335])
        #expect(schedule.last?.dueDate == (try jalali("1404/09/01")))
        #expect(throws: DomainError.self) {
            try InstallmentSchedule.schedule(premium: 1_000_000, plan: .installments(downPayment: 400_000, count: 6),
                                             rules: rules, startingOn: jalali("1404/03/01"))
        }
        #expect(throws: DomainError.self) {
            try InstallmentSchedule.schedule(premium: 1_000_000, plan: .installments(downPayment: 500_000, count: 7),
                                             rules: rules, startingOn: jalali("1404/03/01"))
        }
    }

    @Test("R-P-04 legal persons deducting from salaries: ≥ 25 % down")
    func payrollPlans() throws {
        let rules = ThirdPartyInsurance.payrollDeductionPlans
        #expect(rules.downPaymentShare.lowerBound == Percent(25))
        let schedule = try InstallmentSchedule.schedule(
            premium: 1_000_000, plan: .installments(downPayment: 250_000, count: 3), rules: rules,
            startingOn: jalali("1404/03/01"))
        #expect(schedule.map(\.amount.amount) == [250_000, 250_000, 250_000, 250_000])
    }

    @Test("R-P-02 normalized inputs: sorted keys, defaults and the effective financial cover filled in")
    func normalizedInputs() throws {
        let quote = try tpQuote(tpInputs())
        let json = String(decoding: quote.normalizedInputs, as: UTF8.self)
        #expect(json == #"{"bodilyClaims":0,"claimFreeYears":0,"driverAccident":false,"extraTrailers":0,"#
            + #""financialClaims":0,"financialCover":533250000,"firstRegistration":false,"issueDate":"1404/03/01","#
            + #""missingInspection":false,"negativePoints":0,"policyMonths":12,"publicTransport":false,"#
            + #""safeDrivingCourse":false,"usage":"private","vehicleAgeYears":0,"vehicleClass":"car-4-cyl"}"#)
    }

    @Test("R-P-07 re-pricing the normalized inputs gives the same total")
    func annualPremium() throws {
        let product = ThirdPartyInsurance()
        let quote = try tpQuote(tpInputs(["usage": #""taxi-intercity""#, "claimFreeYears": "4",
                                          "financialCover": "2000000000", "previousPolicyEndDate": #""1404/01/15""#]))
        let context = QuoteContext(date: try jalali("1404/09/01"))
        #expect(try product.annualPremium(normalizedInputs: quote.normalizedInputs, context: context) == quote.total)
        let again = try product.quote(inputs: quote.normalizedInputs, context: context)
        #expect(again.normalizedInputs == quote.normalizedInputs)
    }

    @Test("R-TP-01 printed perils and conditions")
    func printed() {
        let product = ThirdPartyInsurance()
        #expect(product.coveredPerils.count == 3)
        #expect(product.generalConditions.contains { $0.contains("۰۰:۰۰") })
        #expect(product.generalConditions.contains { $0.contains("۵ روز") })
    }
}
