extension ThirdPartyTariff {
    /// Checks the figures are coherent; throws "invalid-tariff" (field "tariffs.third-party.<name>")
    /// naming the first problem. Also requires a T-DY row for the year (R-TP-09 needs it).
    public func validate() throws {
        func check(_ condition: Bool, _ field: String, _ message: String) throws {
            guard condition else {
                throw DomainError(code: "invalid-tariff",
                                  message: "تعرفهٔ شخص ثالث سال \(Normalize.persianDigits(String(year))): \(message)",
                                  field: "tariffs.third-party.\(field)")
            }
        }
        let percentRange = Percent.zero...Percent.hundred
        try check(JalaliDate.supportedYears.contains(year), "year", "سال خارج از محدوده است.")
        try check(!note.isEmpty, "note", "توضیح منبع ارقام خالی است.")

        try check(!vehicleClasses.isEmpty, "vehicleClasses", "جدول انواع وسیلهٔ نقلیه خالی است.")
        try check(Set(vehicleClasses.map(\.code)).count == vehicleClasses.count, "vehicleClasses", "کد تکراری است.")
        for row in vehicleClasses {
            try check(Self.isCode(row.code), "vehicleClasses", "کد «\(row.code)» نامعتبر است.")
            try check(!row.label.isEmpty, "vehicleClasses", "عنوان «\(row.code)» خالی است.")
            try check(row.basePremium > .zero, "vehicleClasses", "حق بیمهٔ پایهٔ «\(row.code)» باید مثبت باشد.")
        }
        try check(Set(VehicleKind.allCases) == Set(vehicleClasses.map(\.kind)), "vehicleClasses",
                  "سواری، موتورسیکلت، بارکش و اتوبوس هر کدام دست‌کم یک ردیف لازم دارند.")

        try check(Set(usages.map(\.code)).count == usages.count, "usages", "کد تکراری است.")
        try check(usages.contains { $0.code == Self.privateUsage && $0.surchargePercent == .zero }, "usages",
                  "کاربری «private» با اضافه‌نرخ صفر لازم است.")
        for usage in usages {
            try check(Self.isCode(usage.code) && !usage.label.isEmpty, "usages", "کاربری «\(usage.code)» نامعتبر است.")
            try check(percentRange.contains(usage.surchargePercent), "usages",
                      "اضافه‌نرخ «\(usage.code)» باید بین صفر و صد درصد باشد.")
        }

        try validateRates(check)
        try check(extraCoverUnit > .zero, "extraCoverUnit", "واحد پوشش مالی مازاد باید مثبت باشد.")
        try check(extraCoverPremiumPerUnit >= .zero, "extraCoverPremiumPerUnit", "نرخ پوشش مازاد منفی است.")
        try check(driverAccidentPremium > .zero, "driverAccidentPremium", "حق بیمهٔ حوادث راننده باید مثبت باشد.")

        var previousEnd: JalaliDate?
        for window in amnestyWindows {
            try check(window.lowerBound.year == year && window.upperBound.year == year, "amnestyWindows",
                      "بازهٔ بخشودگی باید در همان سال باشد.")
            try check(previousEnd.map { $0 < window.lowerBound } ?? true, "amnestyWindows",
                      "بازه‌های بخشودگی باید صعودی و بدون هم‌پوشانی باشند.")
            previousEnd = window.upperBound
        }
        do { _ = try financialCoverBounds() } catch {
            try check(false, "financialCover", "دیهٔ سال یا حدود پوشش مالی تعریف نشده است.")
        }
    }

    private func validateRates(_ check: (Bool, String, String) throws -> Void) throws {
        let r = rates
        let percentRange = Percent.zero...Percent.hundred
        let percents = [r.missingInspection, r.perExtraTrailer, r.perYearOverAgeLimit, r.vehicleAgeCap,
                        r.perNegativePoint, r.negativePointsCap, r.noClaimPerYear, r.noClaimCap,
                        r.minimumFinancialCoverShare, r.maximumFinancialCoverShare]
            + r.financialClaimReductions + r.bodilyClaimReductions
        try check(percents.allSatisfy(percentRange.contains), "rates", "درصدها باید بین صفر و صد باشند.")
        let discounts = [r.firstRegistrationDiscount, r.publicTransportDiscount, r.safeDrivingDiscount]
        let discountSum = try discounts.reduce(Percent.zero) { try $0.adding($1) }
        try check(discounts.allSatisfy { $0 >= .zero } && discountSum < .hundred, "rates",
                  "جمع تخفیف‌های مادهٔ ۵ باید کمتر از صد درصد باشد.")
        try check((0...200).contains(r.vehicleAgeLimit) && (0...200).contains(r.noClaimMaxYears), "rates",
                  "حد سنی یا سال‌های عدم خسارت نامعتبر است.")
        try check(!r.financialClaimReductions.isEmpty && !r.bodilyClaimReductions.isEmpty, "rates",
                  "جدول کاهش تخفیف با خسارت خالی است.")
        try check(r.penaltyDaysPerYear > 0 && (0...r.penaltyDaysPerYear).contains(r.penaltyMaxDays), "rates",
                  "روزهای جریمهٔ دیرکرد نامعتبر است.")
        try check(r.minimumFinancialCoverShare > .zero && r.minimumFinancialCoverShare <= r.maximumFinancialCoverShare,
                  "rates", "حداقل پوشش مالی باید مثبت و کمتر از حداکثر باشد.")
    }

    /// Lower-case ASCII letters, digits and inner dashes, at most 64 characters.
    static func isCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard (1...64).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
