extension ThirdPartyInsurance {
    /// The premium breakdown (R-TP-07, R-P-02). B is the tariff base, S the sum of the surcharge
    /// percentages, A the sum of the article-5 discounts, N the no-claim discount; all products
    /// are exact and each line is rounded once, half away from zero (R-G-02); the total is the
    /// sum of the lines. Zero lines are left out, except a waived late penalty (shown as 0).
    ///
    /// - `base` (R-TP-04): B.
    /// - `surcharge-<name>` (R-TP-05): round(B × s) each — usage, missing-inspection,
    ///   extra-trailers, vehicle-age, negative-points. gross G = B × (1 + S).
    /// - `discount-<name>` (R-TP-05 article 5): −round(G × a) each — first-registration,
    ///   public-transport, safe-driving.
    /// - `no-claim-discount` (R-TP-06): −round(G × (1 − A) × N), after the article-5 discounts,
    ///   so base + surcharges + discounts + no-claim ≈ mandatory = G × (1 − A) × (1 − N).
    /// - `extra-financial-cover` (R-TP-09): each started tariff unit of cover above the legal
    ///   minimum × the tariff's premium per unit.
    /// - `driver-accident` (R-TP-07): the tariff premium, when requested.
    /// - `late-penalty` (R-TP-08): round(G × d / 365), d = uncovered days ≤ 365, on the gross
    ///   without any discount; 0 (waived) for a 12-month policy issued inside an amnesty window.
    public static func premiumLines(_ inputs: ThirdPartyInputs, tariff: ThirdPartyTariff) throws -> [QuoteLine] {
        let vehicle = try tariff.vehicleClass(inputs.vehicleClass)
        let base = vehicle.basePremium
        var lines = [QuoteLine(code: "base", rule: "R-TP-04", label: "حق بیمهٔ پایه (\(vehicle.label))", amount: base)]

        let surcharges = try surchargeFactors(inputs, tariff: tariff)
        var surchargeSum = Percent.zero
        for s in surcharges {
            surchargeSum = try surchargeSum.adding(s.percent)
            lines.append(QuoteLine(code: "surcharge-\(s.name)", rule: "R-TP-05",
                                   label: "\(s.label) (\(s.percent.persianFormatted) حق بیمهٔ پایه)",
                                   amount: try exact(base, s.percent.ratio)))
        }
        let grossFactor = try Percent.hundred.adding(surchargeSum).ratio   // G = B × grossFactor

        var discountSum = Percent.zero
        for d in discountFactors(inputs, rates: tariff.rates, vehicle: vehicle) {
            discountSum = try discountSum.adding(d.percent)
            lines.append(QuoteLine(code: "discount-\(d.name)", rule: "R-TP-05",
                                   label: "\(d.label) (\(d.percent.persianFormatted))",
                                   amount: try exact(base, grossFactor, d.percent.ratio).negated()))
        }

        let noClaim = tariff.rates.noClaimDiscount(claimFreeYears: inputs.claimFreeYears,
                                                   financialClaims: inputs.financialClaims,
                                                   bodilyClaims: inputs.bodilyClaims)
        if noClaim > .zero {
            let remaining = try Percent.hundred.subtracting(discountSum).ratio
            lines.append(QuoteLine(code: "no-claim-discount", rule: "R-TP-06",
                                   label: "تخفیف عدم خسارت (\(noClaim.persianFormatted))",
                                   amount: try exact(base, grossFactor, remaining, noClaim.ratio).negated()))
        }

        if let extra = try extraCoverLine(inputs.financialCover, tariff: tariff) { lines.append(extra) }
        if inputs.driverAccident {
            lines.append(QuoteLine(code: "driver-accident", rule: "R-TP-07", label: "پوشش حوادث راننده",
                                   amount: tariff.driverAccidentPremium))
        }
        if let penalty = try latePenaltyLine(inputs, tariff: tariff, base: base, grossFactor: grossFactor) {
            lines.append(penalty)
        }
        return lines
    }

    /// A named percentage line before it is priced.
    struct Factor {
        let name: String
        let label: String
        let percent: Percent
    }

    /// R-TP-05 surcharges on the base, in a fixed order; zero ones left out.
    static func surchargeFactors(_ inputs: ThirdPartyInputs, tariff: ThirdPartyTariff) throws -> [Factor] {
        let r = tariff.rates
        let usage = try tariff.usage(inputs.usage)
        // Labels are built only for the factors that apply: most quotes have one or two, and
        // building the others' text was a measurable share of the pricing time.
        var result: [Factor] = []
        func add(_ name: String, _ percent: Percent, _ label: () -> String) {
            if percent > .zero { result.append(Factor(name: name, label: label(), percent: percent)) }
        }
        add("usage", usage.surchargePercent) { "اضافه‌نرخ کاربری \(usage.label)" }
        add("missing-inspection", inputs.missingInspection ? r.missingInspection : .zero) { "اضافه‌نرخ نداشتن معاینهٔ فنی" }
        add("extra-trailers", r.extraTrailersSurcharge(count: inputs.extraTrailers)) {
            "اضافه‌نرخ \(Normalize.persianDigits(String(inputs.extraTrailers))) یدک اضافه"
        }
        add("vehicle-age", r.vehicleAgeSurcharge(ageYears: inputs.vehicleAgeYears)) {
            "اضافه‌نرخ عمر خودرو (\(Normalize.persianDigits(String(inputs.vehicleAgeYears))) سال)"
        }
        add("negative-points", r.negativePointsSurcharge(points: inputs.negativePoints)) {
            "اضافه‌نرخ نمرهٔ منفی رانندگی (\(Normalize.persianDigits(String(inputs.negativePoints))) نمره)"
        }
        return result
    }

    /// R-TP-05 article-5 discounts; public transport only for buses (see `quote`).
    static func discountFactors(_ inputs: ThirdPartyInputs, rates r: ThirdPartyRates,
                                vehicle: ThirdPartyTariff.VehicleClass) -> [Factor] {
        var result: [Factor] = []
        if inputs.firstRegistration {
            result.append(Factor(name: "first-registration", label: "تخفیف نخستین شماره‌گذاری",
                                 percent: r.firstRegistrationDiscount))
        }
        if inputs.publicTransport, vehicle.kind == .bus {
            result.append(Factor(name: "public-transport", label: "تخفیف حمل‌ونقل عمومی درون‌شهری",
                                 percent: r.publicTransportDiscount))
        }
        if inputs.safeDrivingCourse {
            result.append(Factor(name: "safe-driving", label: "تخفیف گذراندن دورهٔ رانندگی ایمن",
                                 percent: r.safeDrivingDiscount))
        }
        return result.filter { $0.percent > .zero }
    }

    /// R-TP-09: nil at the minimum; throws "invalid-financial-cover" outside [minimum, maximum].
    static func extraCoverLine(_ requested: Rial, tariff: ThirdPartyTariff) throws -> QuoteLine? {
        if requested == .zero { return nil }   // 0 asks for the legal minimum: nothing extra
        let cover = try financialCover(requested, tariff: tariff)
        let minimum = try tariff.financialCoverBounds().lowerBound
        let extra = try cover.subtracting(minimum).amount
        guard extra > 0 else { return nil }
        let unit = tariff.extraCoverUnit.amount
        guard unit > 0 else { throw DomainError.invalidRatio }
        let units = extra / unit + (extra % unit == 0 ? 0 : 1)      // each started unit
        return QuoteLine(code: "extra-financial-cover", rule: "R-TP-09",
                         label: "پوشش مالی مازاد بر حداقل (\(Normalize.persianDigits(String(units))) واحد "
                            + "\(tariff.extraCoverUnit.persianFormatted) ریالی)",
                         amount: try tariff.extraCoverPremiumPerUnit.multiplied(by: units))
    }

    /// R-TP-08; nil when there is no uncovered day.
    static func latePenaltyLine(_ inputs: ThirdPartyInputs, tariff: ThirdPartyTariff, base: Rial,
                                grossFactor: Ratio) throws -> QuoteLine? {
        let days = tariff.rates.uncoveredDays(previousPolicyEnd: inputs.previousPolicyEndDate,
                                              issueDate: inputs.issueDate)
        guard days > 0 else { return nil }
        let dayText = Normalize.persianDigits(String(days))
        if isAmnestied(inputs, tariff: tariff) {
            return QuoteLine(code: "late-penalty", rule: "R-TP-08",
                             label: "جریمهٔ دیرکرد \(dayText) روز (بخشوده در طرح بخشودگی)", amount: .zero)
        }
        let share = try Ratio(numerator: Int64(days), denominator: Int64(tariff.rates.penaltyDaysPerYear))
        return QuoteLine(code: "late-penalty", rule: "R-TP-08", label: "جریمهٔ دیرکرد \(dayText) روز",
                         amount: try exact(base, grossFactor, share))
    }

    /// R-TP-08: one-year (12-month) policies issued inside an amnesty window; never by input.
    public static func isAmnestied(_ inputs: ThirdPartyInputs, tariff: ThirdPartyTariff) -> Bool {
        inputs.policyMonths == 12 && tariff.isInAmnestyWindow(inputs.issueDate)
    }

    /// R-TP-09: the effective financial cover: the legal minimum for 0, the request when within
    /// [minimum, maximum], else "invalid-financial-cover" (field "inputs.financialCover").
    public static func financialCover(_ requested: Rial, tariff: ThirdPartyTariff) throws -> Rial {
        let bounds = try tariff.financialCoverBounds()
        if requested.isZero { return bounds.lowerBound }
        guard bounds.contains(requested) else {
            throw DomainError(
                code: "invalid-financial-cover",
                message: "پوشش مالی باید صفر (حداقل قانونی) یا بین \(bounds.lowerBound.persianFormatted) و "
                    + "\(bounds.upperBound.persianFormatted) ریال باشد.",
                field: "inputs.financialCover")
        }
        return requested
    }

    /// round(amount × Π factors), exact: numerators and denominators multiplied with overflow
    /// checks (reduced as they go), one 128-bit division, rounded once (R-G-02).
    static func exact(_ amount: Rial, _ factors: Ratio...) throws -> Rial {
        var numerator: Int64 = 1, denominator: Int64 = 1
        for f in factors {
            let (n, o1) = numerator.multipliedReportingOverflow(by: f.numerator)
            let (d, o2) = denominator.multipliedReportingOverflow(by: f.denominator)
            guard !o1, !o2 else { throw DomainError.amountOverflow }
            let reduced = try Ratio(numerator: n, denominator: d)
            (numerator, denominator) = (reduced.numerator, reduced.denominator)
        }
        return try amount.proRata(numerator: numerator, denominator: denominator)
    }
}
