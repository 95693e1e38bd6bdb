/// The percentages of R-TP-05, R-TP-06, R-TP-08 and R-TP-09: yearly regulatory figures, so they
/// live in tariff data (SPEC section T) even though every year so far uses `ThirdPartyRates.spec`.
public struct ThirdPartyRates: Sendable, Hashable, Codable {
    // R-TP-05 surcharges on the base
    public let missingInspection: Percent
    public let perExtraTrailer: Percent
    /// Years of age without surcharge; each year beyond adds `perYearOverAgeLimit`.
    public let vehicleAgeLimit: Int
    public let perYearOverAgeLimit: Percent
    public let vehicleAgeCap: Percent
    public let perNegativePoint: Percent
    public let negativePointsCap: Percent

    // R-TP-05 article-5 discounts
    public let firstRegistrationDiscount: Percent
    public let publicTransportDiscount: Percent
    public let safeDrivingDiscount: Percent

    // R-TP-06 no-claim discount
    public let noClaimPerYear: Percent
    public let noClaimMaxYears: Int
    public let noClaimCap: Percent
    /// Percentage points taken off for 1, 2, 3-or-more financial claims (last entry for more).
    public let financialClaimReductions: [Percent]
    /// Percentage points taken off for 1, 2, 3-or-more bodily claims (last entry for more).
    public let bodilyClaimReductions: [Percent]

    // R-TP-08 late penalty
    /// Gross premium ÷ this many days, per day without cover.
    public let penaltyDaysPerYear: Int
    public let penaltyMaxDays: Int

    // R-TP-09 financial cover, as shares of the year's haram diya
    public let minimumFinancialCoverShare: Percent
    public let maximumFinancialCoverShare: Percent

    public init(missingInspection: Percent, perExtraTrailer: Percent, vehicleAgeLimit: Int,
                perYearOverAgeLimit: Percent, vehicleAgeCap: Percent, perNegativePoint: Percent,
                negativePointsCap: Percent, firstRegistrationDiscount: Percent, publicTransportDiscount: Percent,
                safeDrivingDiscount: Percent, noClaimPerYear: Percent, noClaimMaxYears: Int, noClaimCap: Percent,
                financialClaimReductions: [Percent], bodilyClaimReductions: [Percent], penaltyDaysPerYear: Int,
                penaltyMaxDays: Int, minimumFinancialCoverShare: Percent, maximumFinancialCoverShare: Percent) {
        self.missingInspection = missingInspection
        self.perExtraTrailer = perExtraTrailer
        self.vehicleAgeLimit = vehicleAgeLimit
        self.perYearOverAgeLimit = perYearOverAgeLimit
        self.vehicleAgeCap = vehicleAgeCap
        self.perNegativePoint = perNegativePoint
        self.negativePointsCap = negativePointsCap
        self.firstRegistrationDiscount = firstRegistrationDiscount
        self.publicTransportDiscount = publicTransportDiscount
        self.safeDrivingDiscount = safeDrivingDiscount
        self.noClaimPerYear = noClaimPerYear
        self.noClaimMaxYears = noClaimMaxYears
        self.noClaimCap = noClaimCap
        self.financialClaimReductions = financialClaimReductions
        self.bodilyClaimReductions = bodilyClaimReductions
        self.penaltyDaysPerYear = penaltyDaysPerYear
        self.penaltyMaxDays = penaltyMaxDays
        self.minimumFinancialCoverShare = minimumFinancialCoverShare
        self.maximumFinancialCoverShare = maximumFinancialCoverShare
    }

    /// Every figure from the SPEC (not samples): R-TP-05, R-TP-06, R-TP-08 (seed 001: «۳۶۵ روز»),
    /// R-TP-09 (seed 001: minimum 2.5 % of the haram diya; 1402's 600 million toman maximum is
    /// 50 % of that year's 12,000,000,000-rial haram diya).
    public static let spec = ThirdPartyRates(
        missingInspection: Percent(5), perExtraTrailer: Percent(15),
        vehicleAgeLimit: 15, perYearOverAgeLimit: Percent(2), vehicleAgeCap: Percent(20),
        perNegativePoint: Percent(1), negativePointsCap: Percent(30),
        firstRegistrationDiscount: Percent(5), publicTransportDiscount: Percent(50), safeDrivingDiscount: Percent(10),
        noClaimPerYear: Percent(5), noClaimMaxYears: 15, noClaimCap: Percent(70),
        financialClaimReductions: [Percent(20), Percent(30), Percent(40)],
        bodilyClaimReductions: [Percent(30), Percent(70), Percent(100)],
        penaltyDaysPerYear: 365, penaltyMaxDays: 365,
        minimumFinancialCoverShare: Percent(basisPoints: 250), maximumFinancialCoverShare: Percent(50))
}

// MARK: - Factors (pure; inputs are clamped, so no input can overflow or trap)

extension ThirdPartyRates {
    /// Counts above this are treated as this many: every capped factor has long reached its cap.
    static let countCeiling = 10_000

    /// R-TP-05: `perYearOverAgeLimit` per year beyond `vehicleAgeLimit`, capped
    /// (2 % a year over 15, at most 20 %: 16 → 2 %, 25 → 20 %, 26 → 20 %).
    public func vehicleAgeSurcharge(ageYears: Int) -> Percent {
        let age = Swift.min(Swift.max(ageYears, 0), Self.countCeiling)
        let (yearsOver, overflow) = age.subtractingReportingOverflow(vehicleAgeLimit)
        return Self.capped(perYearOverAgeLimit, times: overflow ? Self.countCeiling : yearsOver, cap: vehicleAgeCap)
    }

    /// R-TP-05: `perNegativePoint` per point, capped (1 % a point, at most 30 %: 40 → 30 %).
    public func negativePointsSurcharge(points: Int) -> Percent {
        Self.capped(perNegativePoint, times: points, cap: negativePointsCap)
    }

    /// R-TP-05: 15 % for each extra trailer, no cap.
    public func extraTrailersSurcharge(count: Int) -> Percent {
        Self.capped(perExtraTrailer, times: count, cap: nil)
    }

    /// R-TP-06: `noClaimPerYear` per claim-free year counted up to `noClaimMaxYears`, capped at
    /// `noClaimCap` (5 % × min(years, 15), at most 70 %), then reduced by the financial and the
    /// bodily claims' percentage points (both apply, added), floor 0.
    public func noClaimDiscount(claimFreeYears: Int, financialClaims: Int, bodilyClaims: Int) -> Percent {
        let accumulated = Self.capped(noClaimPerYear, times: Swift.min(claimFreeYears, noClaimMaxYears), cap: noClaimCap)
        let reduction = (try? Self.reduction(financialClaimReductions, claims: financialClaims)
            .adding(Self.reduction(bodilyClaimReductions, claims: bodilyClaims))) ?? Percent.hundred
        guard let left = try? accumulated.subtracting(reduction), left > .zero else { return .zero }
        return left
    }

    /// R-TP-08: days without cover between the previous policy's end and the new issue date,
    /// at most `penaltyMaxDays`. The old policy covers to 24:00 of its end date and the new one
    /// from 24:00 of the issue date (R-G-04, R-TP-03), so the gap is issueDate − previousEnd
    /// days: renewing on the end date leaves no gap; an earlier renewal counts as 0.
    public func uncoveredDays(previousPolicyEnd: JalaliDate?, issueDate: JalaliDate) -> Int {
        guard let previousPolicyEnd else { return 0 }
        return Swift.min(Swift.max(previousPolicyEnd.days(to: issueDate), 0), penaltyMaxDays)
    }

    /// The reduction for `claims` claims: none for 0, the n-th entry for n, the last for more.
    static func reduction(_ table: [Percent], claims: Int) -> Percent {
        guard claims > 0, let last = table.last else { return .zero }
        return claims <= table.count ? table[claims - 1] : last
    }

    /// step × max(count, 0), capped; a count beyond `countCeiling` (or any overflow) gives the cap.
    static func capped(_ step: Percent, times count: Int, cap: Percent?) -> Percent {
        let n = Int64(Swift.min(Swift.max(count, 0), countCeiling))
        let (numerator, overflow) = step.value.numerator.multipliedReportingOverflow(by: n)
        guard !overflow, let ratio = try? Ratio(numerator: numerator, denominator: step.value.denominator),
              let value = try? Percent(value: ratio) else { return cap ?? Percent.hundred }
        guard let cap else { return value }
        return Swift.min(value, cap)
    }
}
