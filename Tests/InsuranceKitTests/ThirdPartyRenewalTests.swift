import Testing
@testable import InsuranceKit

/// Renewal inputs (R-P-09, R-TP-06, R-TP-08): the discount history carried into the next policy.
@Suite("Third-party renewal inputs")
struct ThirdPartyRenewalTests {
    static func old(years: Int, financial: Int = 0, bodily: Int = 0) throws -> ThirdPartyInputs {
        ThirdPartyInputs(vehicleClass: "car-4-cyl", usage: "private", issueDate: try jalali("1404/01/05"),
                         previousPolicyEndDate: try jalali("1404/01/05"), claimFreeYears: years, financialClaims: financial,
                         bodilyClaims: bodily, vehicleAgeYears: 3, firstRegistration: true)
    }

    static func discount(_ inputs: ThirdPartyInputs) -> Percent {
        ThirdPartyRates.spec.noClaimDiscount(claimFreeYears: inputs.claimFreeYears, financialClaims: inputs.financialClaims,
                                             bodilyClaims: inputs.bodilyClaims)
    }

    @Test("R-TP-06 the discount after renewal", arguments: [
        (0, 0, 0, 0, 0, 1, 5),      // a first clean year: 0 % → 5 %
        (10, 0, 0, 1, 0, 6, 30),    // 50 % with one financial claim paid: 50 − 20 = 30 % = 6 years
        (15, 0, 0, 0, 0, 14, 70),   // at the 70 % cap a clean year changes nothing (14 years = 70 %)
        (2, 0, 0, 0, 1, 0, 0),      // 10 % with one bodily claim: 10 − 30 → floor 0
        (10, 1, 0, 0, 0, 7, 35),    // a policy bought with one financial claim (50 − 20 = 30 %), then a clean year: 35 %
        (12, 0, 0, 2, 1, 0, 0),     // 60 % − (30 + 30) = 0
    ] as [(Int, Int, Int, Int, Int, Int, Int64)])
    func discountCarried(_ years: Int, _ oldFinancial: Int, _ oldBodily: Int, _ financialPaid: Int, _ bodilyPaid: Int,
                         _ expectedYears: Int, _ expectedPercent: Int64) throws {
        let renewed = try Self.old(years: years, financial: oldFinancial, bodily: oldBodily)
            .renewed(on: jalali("1405/01/10"), previousEnd: jalali("1405/01/05"), financialClaimsPaid: financialPaid, bodilyClaimsPaid: bodilyPaid)
        #expect(renewed.claimFreeYears == expectedYears)
        #expect(renewed.financialClaims == 0 && renewed.bodilyClaims == 0)
        #expect(Self.discount(renewed) == Percent(expectedPercent))
    }

    @Test("R-TP-08 the purchase day and the old end date price the lapse; the car is a year older")
    func datesAndVehicle() throws {
        let renewed = try Self.old(years: 0).renewed(on: jalali("1405/01/10"), previousEnd: jalali("1405/01/05"),
                                                     financialClaimsPaid: 0, bodilyClaimsPaid: 0)
        #expect(renewed.issueDate == (try jalali("1405/01/10")))
        #expect(renewed.previousPolicyEndDate == (try jalali("1405/01/05")))
        #expect(ThirdPartyRates.spec.uncoveredDays(previousPolicyEnd: renewed.previousPolicyEndDate, issueDate: renewed.issueDate) == 5)
        #expect(renewed.vehicleAgeYears == 4)
        #expect(renewed.firstRegistration == false)
        #expect(renewed.vehicleClass == "car-4-cyl" && renewed.usage == "private")
    }
}
