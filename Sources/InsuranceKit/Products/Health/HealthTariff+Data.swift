/// T-SH (SPEC section T): the sample figures, the same every year 1403–1406.
extension HealthTariff {
    static func sample(year: Int) -> HealthTariff {
        HealthTariff(
            year: year, isSample: true,
            plans: [
                plan("basic", "طرح پایه", price: 60_000_000, franchise: 30, withoutBase: true, tier: 0),
                plan("silver", "طرح نقره‌ای", price: 90_000_000, franchise: 20, withoutBase: true, tier: 1),
                plan("gold", "طرح طلایی", price: 140_000_000, franchise: 10, withoutBase: false, tier: 2),
            ],
            ageBands: [
                HealthAgeBand(ages: 0...15, factor: Percent(50)),
                HealthAgeBand(ages: 16...50, factor: Percent(100)),
                HealthAgeBand(ages: 51...60, factor: Percent(120)),
                HealthAgeBand(ages: 61...70, factor: Percent(150)),
                HealthAgeBand(ages: 71...80, factor: Percent(200), parentsOnly: true),
            ],
            groupShare: Percent(70), noBaseInsuranceSurcharge: Percent(30), optionalCoverShare: Percent(10),
            minimumGroupMembers: 10)
    }

    /// Ceilings per person per year, basic / silver / gold (T-SH); optional covers only on silver
    /// and gold (their two figures).
    private static let standard: [(code: String, title: String, ceilings: [Int64], introduction: Bool)] = [
        ("hospitalization", "بستری و جراحی", [500_000_000, 1_000_000_000, 2_000_000_000], true),
        ("special-surgery", "جراحی‌های خاص", [1_000_000_000, 2_000_000_000, 4_000_000_000], true),
        ("paraclinic", "پاراکلینیکی", [50_000_000, 100_000_000, 200_000_000], false),
        ("other-diagnostics", "سایر اقدامات تشخیصی", [30_000_000, 60_000_000, 120_000_000], false),
        ("outpatient-surgery", "جراحی سرپایی", [40_000_000, 80_000_000, 150_000_000], false),
        ("lab-radiology-physio", "آزمایش، رادیولوژی و فیزیوتراپی", [20_000_000, 40_000_000, 80_000_000], false),
        ("ambulance", "آمبولانس", [10_000_000, 20_000_000, 30_000_000], false),
    ]

    private static let optionalCovers: [(code: String, title: String, ceilings: [Int64])] = [
        ("maternity", "زایمان", [60_000_000, 120_000_000]),
        ("dental", "دندان‌پزشکی", [30_000_000, 60_000_000]),
        ("visit-drugs", "ویزیت و دارو", [20_000_000, 40_000_000]),
    ]

    private static func plan(_ code: String, _ title: String, price: Int64, franchise: Int64, withoutBase: Bool, tier: Int) -> HealthPlan {
        var covers = standard.map {
            HealthCover(code: $0.code, title: $0.title, ceiling: Rial($0.ceilings[tier]), needsIntroduction: $0.introduction)
        }
        if tier > 0 {
            covers += optionalCovers.map { HealthCover(code: $0.code, title: $0.title, ceiling: Rial($0.ceilings[tier - 1]), optional: true) }
        }
        return HealthPlan(code: code, title: title, price: Rial(price), franchise: Percent(franchise),
                          allowsWithoutBaseInsurance: withoutBase, covers: covers)
    }
}
