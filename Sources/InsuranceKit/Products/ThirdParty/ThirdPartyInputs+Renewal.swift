/// Renewal of a third-party policy (R-P-09, R-TP-06, R-TP-08): the next policy's inputs carry the
/// discount history of the one that ended.
extension ThirdPartyInputs {
    /// The inputs of the policy bought on `day` after this one ended on `previousEnd`, during whose
    /// term `financialClaimsPaid` and `bodilyClaimsPaid` claims were paid.
    ///
    /// CHOSEN (R-TP-06 "claims reduce the accumulated discount, in percentage points"): the
    /// discount the ended policy had is carried as claim-free years (5 % each); a year without a
    /// paid claim adds one year; a year with paid claims adds none and takes their points off
    /// (floor 0). The claim counts themselves are folded into the years, so the new inputs carry
    /// zero counts and the reduction is not taken twice. The vehicle is a year older and no
    /// longer a first registration; the purchase day prices the late penalty (R-TP-08).
    public func renewed(on day: JalaliDate, previousEnd: JalaliDate, financialClaimsPaid: Int, bodilyClaimsPaid: Int,
                        rates: ThirdPartyRates = .spec) -> ThirdPartyInputs {
        let carried = rates.noClaimDiscount(claimFreeYears: claimFreeYears, financialClaims: financialClaims, bodilyClaims: bodilyClaims)
        let next: Percent
        if financialClaimsPaid == 0 && bodilyClaimsPaid == 0 {
            next = (try? carried.adding(rates.noClaimPerYear)) ?? carried
        } else {
            // The discount of a year with claims: the carried one, reduced by their points.
            let years = Self.years(of: carried, rates: rates)
            next = rates.noClaimDiscount(claimFreeYears: years, financialClaims: financialClaimsPaid, bodilyClaims: bodilyClaimsPaid)
        }
        var inputs = self
        inputs.issueDate = day
        inputs.previousPolicyEndDate = previousEnd
        inputs.claimFreeYears = Swift.min(Self.years(of: next, rates: rates), rates.noClaimMaxYears)
        inputs.financialClaims = 0
        inputs.bodilyClaims = 0
        inputs.vehicleAgeYears = vehicleAgeYears + 1
        inputs.firstRegistration = false
        return inputs
    }

    /// Whole claim-free years worth a discount (the discounts are multiples of the yearly 5 %).
    static func years(of discount: Percent, rates: ThirdPartyRates) -> Int {
        var years = 0
        while years < rates.noClaimMaxYears,
              rates.noClaimDiscount(claimFreeYears: years + 1, financialClaims: 0, bodilyClaims: 0) <= discount,
              rates.noClaimDiscount(claimFreeYears: years + 1, financialClaims: 0, bodilyClaims: 0)
                > rates.noClaimDiscount(claimFreeYears: years, financialClaims: 0, bodilyClaims: 0) {
            years += 1
        }
        return years
    }
}
