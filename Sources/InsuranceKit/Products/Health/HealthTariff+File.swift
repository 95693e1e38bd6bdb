import Foundation

/// T-SH as a yearly file (`bimeh tariffs export/load`): next year's plans, ceilings, prices and
/// factors arrive as data, checked before they are installed.
extension HealthTariff: YearlyTariff {
    public static let book = YearlyTariffBook<HealthTariff>()

    public var firstTariffSummary: String { "+ a first tariff: \(plans.count) plans" }

    /// Checks the figures are coherent; "invalid-tariff" (field "tariffs.supplementary-health.<name>")
    /// naming the first problem.
    public func validate() throws {
        func check(_ condition: Bool, _ field: String, _ message: String) throws {
            guard condition else {
                throw DomainError(code: "invalid-tariff",
                                  message: "تعرفهٔ بیمهٔ تکمیلی درمان سال \(Normalize.persianDigits(String(year))): \(message)",
                                  field: "tariffs.supplementary-health.\(field)")
            }
        }
        let share = Percent.zero...Percent.hundred
        try check(JalaliDate.supportedYears.contains(year), "year", "سال خارج از محدوده است.")
        try check(!plans.isEmpty, "plans", "فهرست طرح‌ها خالی است.")
        try check(Set(plans.map(\.code)).count == plans.count, "plans", "کد طرح تکراری است.")
        for plan in plans {
            try check(Self.isCode(plan.code) && !plan.title.isEmpty, "plans", "طرح «\(plan.code)» کد یا عنوان نامعتبر دارد.")
            try check(plan.price > .zero, "plans", "قیمت طرح «\(plan.code)» باید مثبت باشد.")
            try check(share.contains(plan.franchise), "plans", "فرانشیز طرح «\(plan.code)» باید بین صفر و صد درصد باشد.")
            try check(!plan.standardCovers.isEmpty, "plans", "طرح «\(plan.code)» پوشش پایه ندارد.")
            try check(Set(plan.covers.map(\.code)).count == plan.covers.count, "plans", "طرح «\(plan.code)» پوشش تکراری دارد.")
            for cover in plan.covers {
                try check(Self.isCode(cover.code) && !cover.title.isEmpty, "plans", "پوشش «\(cover.code)» طرح «\(plan.code)» کد یا عنوان نامعتبر دارد.")
                try check(cover.ceiling > .zero, "plans", "سقف پوشش «\(cover.code)» طرح «\(plan.code)» باید مثبت باشد.")
            }
        }
        // a cover code means one thing in every plan: standard or optional, with or without an introduction
        var kinds: [String: (optional: Bool, introduction: Bool)] = [:]
        for cover in plans.flatMap(\.covers) {
            if let seen = kinds[cover.code] {
                try check(seen.optional == cover.optional && seen.introduction == cover.needsIntroduction, "plans",
                          "پوشش «\(cover.code)» در طرح‌ها یکسان تعریف نشده است (اختیاری بودن یا نیاز به معرفی‌نامه).")
            }
            kinds[cover.code] = (cover.optional, cover.needsIntroduction)
        }
        // the age bands run from 0 without gaps or overlaps
        try check(!ageBands.isEmpty, "ageBands", "جدول ضریب سنی خالی است.")
        var next = 0
        for band in ageBands {
            try check(band.ages.lowerBound == next, "ageBands",
                      "گروه‌های سنی باید از صفر و پشت سر هم باشند (گروه \(Normalize.persianDigits("\(band.ages.lowerBound)–\(band.ages.upperBound)"))).")
            try check(band.factor > .zero, "ageBands", "ضریب سنی باید مثبت باشد.")
            next = band.ages.upperBound + 1
        }
        try check(next > HealthPersonRules.mainAges.upperBound, "ageBands",
                  "گروه‌های سنی باید دست‌کم تا \(Normalize.persianDigits(String(HealthPersonRules.mainAges.upperBound))) سالگی برسند.")
        try check(groupShare > .zero && groupShare <= .hundred, "groupShare", "سهم قیمت گروهی باید بیش از صفر و تا صد درصد باشد.")
        try check(share.contains(noBaseInsuranceSurcharge), "noBaseInsuranceSurcharge", "اضافه‌نرخ نداشتن بیمهٔ پایه باید بین صفر و صد درصد باشد.")
        try check(share.contains(optionalCoverShare), "optionalCoverShare", "سهم پوشش اختیاری باید بین صفر و صد درصد باشد.")
        try check((1...10_000).contains(minimumGroupMembers), "minimumGroupMembers", "کمترین شمار اعضای گروه نامعتبر است.")
    }

    /// Lower-case ASCII letters, digits and inner dashes, at most 64 characters.
    static func isCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard (1...64).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// Plans added or removed, prices (with the change in percent), franchises, ceilings, covers
    /// and their introduction flags, age factors, the group share and surcharges.
    public static func changes(from old: HealthTariff, to new: HealthTariff) -> [String] {
        var lines: [String] = []
        for plan in new.plans {
            guard let before = old.plan(plan.code) else {
                lines.append("+ plan \(plan.code) (\(plan.title)): price \(plan.price.amount), \(plan.covers.count) covers")
                continue
            }
            if before.price != plan.price {
                lines.append("~ plan \(plan.code): price \(before.price.amount) → \(plan.price.amount) (\(percentChange(before.price, plan.price)))")
            }
            if before.franchise != plan.franchise { lines.append("~ plan \(plan.code): franchise \(before.franchise) % → \(plan.franchise) %") }
            if before.allowsWithoutBaseInsurance != plan.allowsWithoutBaseInsurance {
                lines.append("~ plan \(plan.code): without base insurance \(before.allowsWithoutBaseInsurance) → \(plan.allowsWithoutBaseInsurance)")
            }
            if before.title != plan.title { lines.append("~ plan \(plan.code): title «\(before.title)» → «\(plan.title)»") }
            for cover in plan.covers {
                guard let was = before.cover(cover.code) else {
                    lines.append("+ plan \(plan.code): cover \(cover.code)\(cover.optional ? " (optional)" : ""), ceiling \(cover.ceiling.amount)")
                    continue
                }
                if was.ceiling != cover.ceiling {
                    lines.append("~ plan \(plan.code): \(cover.code) ceiling \(was.ceiling.amount) → \(cover.ceiling.amount) (\(percentChange(was.ceiling, cover.ceiling)))")
                }
                if was.needsIntroduction != cover.needsIntroduction {
                    lines.append("~ plan \(plan.code): \(cover.code) needs introduction \(was.needsIntroduction) → \(cover.needsIntroduction)")
                }
                if was.optional != cover.optional { lines.append("~ plan \(plan.code): \(cover.code) optional \(was.optional) → \(cover.optional)") }
            }
            for cover in before.covers where plan.cover(cover.code) == nil {
                lines.append("- plan \(plan.code): cover \(cover.code)")
            }
        }
        for plan in old.plans where new.plan(plan.code) == nil { lines.append("- plan \(plan.code) (\(plan.title))") }
        let bands = { (t: HealthTariff) in t.ageBands.map { "\($0.ages.lowerBound)–\($0.ages.upperBound) ×\($0.factor)%\($0.parentsOnly ? " (parents)" : "")" } }
        if bands(old) != bands(new) { lines.append("~ age factors: \(bands(old).joined(separator: ", ")) → \(bands(new).joined(separator: ", "))") }
        if old.groupShare != new.groupShare { lines.append("~ group price: \(old.groupShare) % → \(new.groupShare) % of the price") }
        if old.noBaseInsuranceSurcharge != new.noBaseInsuranceSurcharge {
            lines.append("~ without base insurance surcharge: \(old.noBaseInsuranceSurcharge) % → \(new.noBaseInsuranceSurcharge) %")
        }
        if old.optionalCoverShare != new.optionalCoverShare {
            lines.append("~ optional cover: \(old.optionalCoverShare) % → \(new.optionalCoverShare) % of the person's premium")
        }
        if old.minimumGroupMembers != new.minimumGroupMembers {
            lines.append("~ group minimum: \(old.minimumGroupMembers) → \(new.minimumGroupMembers) main members")
        }
        if old.isSample != new.isSample { lines.append("~ sample figures: \(old.isSample) → \(new.isSample)") }
        return lines
    }

    /// "+20.00 %": the relative change, exact to two decimals.
    static func percentChange(_ old: Rial, _ new: Rial) -> String {
        guard old.amount != 0 else { return "new" }
        let basisPoints = (new.amount - old.amount) * 10_000 / old.amount
        let magnitude = abs(basisPoints), cents = magnitude % 100
        return "\(basisPoints >= 0 ? "+" : "-")\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents) %"
    }
}
