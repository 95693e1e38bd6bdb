/// Third-party tariffs, one value per Jalali year (section T: 1403 to next year, and 1402 for the
/// amnesty window seed 001 names).
///
/// From the SPEC (not samples): the usage surcharges of R-TP-05 except ambulance, fire-fighting
/// and industrial, every percentage in `ThirdPartyRates.spec`, and the 1402 amnesty window (R-TP-08,
/// seed 001: 1402/06/02 to 1402/06/18). SAMPLES, to be replaced by Central Insurance's yearly
/// circular: every base premium (the SPEC's 1399 car reference table, and sample 1399-level figures
/// for motorcycles, trucks and buses, scaled ×2 for 1402, ×3 for 1403, ×4 for 1404, ×5 for 1405,
/// ×6 for 1406), the ambulance / fire-fighting / industrial surcharges, the extra financial-cover
/// price and the driver-accident premium. Hence `isSample: true` on every year. R-TP-08: a year
/// has an amnesty window only when its tariff names one; no window is assumed for the others.
extension ThirdPartyTariff {
    public static let all: [ThirdPartyTariff] = [
        sampleYear(1402, multiplier: 2, extraCoverPremiumPerUnit: 30_000, driverAccidentPremium: 2_000_000,
                   amnestyWindows: [JalaliDate(unchecked: 1402, 6, 2)...JalaliDate(unchecked: 1402, 6, 18)],
                   note: note1402),
        sampleYear(1403, multiplier: 3, extraCoverPremiumPerUnit: 40_000, driverAccidentPremium: 3_000_000),
        sampleYear(1404, multiplier: 4, extraCoverPremiumPerUnit: 50_000, driverAccidentPremium: 4_000_000),
        sampleYear(1405, multiplier: 5, extraCoverPremiumPerUnit: 60_000, driverAccidentPremium: 5_000_000),
        sampleYear(1406, multiplier: 6, extraCoverPremiumPerUnit: 70_000, driverAccidentPremium: 6_000_000),
    ]

    /// A year's tariff: the 1399-level table × `multiplier`, SAMPLE prices for the extra cover
    /// (per 10,000,000 rials) and the driver-accident cover, and the amnesty windows the year names.
    static func sampleYear(_ year: Int, multiplier: Int64, extraCoverPremiumPerUnit: Rial,
                           driverAccidentPremium: Rial, amnestyWindows: [ClosedRange<JalaliDate>] = [],
                           note: String = sampleNote) -> ThirdPartyTariff {
        ThirdPartyTariff(
            year: year, isSample: true, note: note,
            vehicleClasses: referenceClasses.map { row in
                VehicleClass(code: row.code, label: row.label, basePremium: Rial(row.premium1399 * multiplier),
                             kind: row.kind, requiredLicence: row.licence)
            },
            usages: usages,
            rates: .spec,
            extraCoverUnit: 10_000_000,
            extraCoverPremiumPerUnit: extraCoverPremiumPerUnit,
            driverAccidentPremium: driverAccidentPremium,
            amnestyWindows: amnestyWindows)
    }

    /// R-TP-04, 1399 level. Cars: SPEC T-TP's 1399 reference («cars < 4 cylinders 14,142,000;
    /// Peykan/Pride 4-cyl 16,747,000; other 4-cyl 19,687,000; > 4 cyl 22,032,000»). Motorcycles,
    /// trucks and buses: SAMPLES. Licence classes: پایه سوم up to 3.5 t, پایه دوم trucks up to 10 t
    /// and buses up to 26 seats, پایه یکم above; motorcycles need a motorcycle licence.
    static let referenceClasses: [(code: String, label: String, premium1399: Int64, kind: VehicleKind,
                                   licence: DrivingLicenceClass)] = [
        ("car-under-4-cyl", "سواری کمتر از چهار سیلندر", 14_142_000, .car, .third),
        ("car-4-cyl-peykan-pride", "سواری چهار سیلندر پیکان و پراید", 16_747_000, .car, .third),
        ("car-4-cyl", "سواری چهار سیلندر (سایر)", 19_687_000, .car, .third),
        ("car-over-4-cyl", "سواری بیش از چهار سیلندر", 22_032_000, .car, .third),
        ("motorcycle-1-cyl", "موتورسیکلت تک‌سیلندر", 2_100_000, .motorcycle, .motorcycle),
        ("motorcycle-2-cyl", "موتورسیکلت دوسیلندر", 2_700_000, .motorcycle, .motorcycle),
        ("motorcycle-over-2-cyl", "موتورسیکلت بیش از دو سیلندر", 3_300_000, .motorcycle, .motorcycle),
        ("truck-under-3t", "بارکش کمتر از سه تن", 18_900_000, .truck, .third),
        ("truck-3-to-10t", "بارکش سه تا ده تن", 23_600_000, .truck, .second),
        ("truck-10-to-20t", "بارکش بیش از ده تا بیست تن", 28_300_000, .truck, .first),
        ("truck-over-20t", "بارکش بیش از بیست تن", 33_000_000, .truck, .first),
        ("bus-under-27-seats", "مینی‌بوس و اتوبوس کمتر از ۲۷ نفر", 25_500_000, .bus, .second),
        ("bus-27-to-40-seats", "اتوبوس ۲۷ تا ۴۰ نفر", 31_200_000, .bus, .first),
        ("bus-over-40-seats", "اتوبوس بیش از ۴۰ نفر", 36_800_000, .bus, .first),
    ]

    /// R-TP-05 (SPEC) except ambulance, fire-fighting and industrial: SAMPLES («per tariff»).
    static let usages = [
        Usage(code: privateUsage, label: "شخصی", surchargePercent: .zero),
        Usage(code: "taxi-urban", label: "تاکسی درون‌شهری", surchargePercent: Percent(10)),
        Usage(code: "taxi-intercity", label: "تاکسی برون‌شهری", surchargePercent: Percent(20)),
        Usage(code: "fuel-carrier", label: "حمل سوخت", surchargePercent: Percent(25)),
        Usage(code: "hazardous-goods", label: "حمل مواد خطرناک", surchargePercent: Percent(50)),
        Usage(code: "driving-school", label: "آموزش رانندگی", surchargePercent: Percent(15)),
        Usage(code: "racing", label: "مسابقه‌ای", surchargePercent: Percent(50)),
        Usage(code: "ambulance", label: "آمبولانس", surchargePercent: Percent(10)),         // SAMPLE
        Usage(code: "fire-fighting", label: "آتش‌نشانی", surchargePercent: Percent(10)),   // SAMPLE
        Usage(code: "industrial", label: "صنعتی", surchargePercent: Percent(20)),          // SAMPLE
    ]

    static let sampleFigures = "نمونه: حق بیمهٔ پایه (جدول مرجع ۱۳۹۹ سواری‌ها از SPEC و ارقام نمونهٔ موتورسیکلت، "
        + "بارکش و اتوبوس، ضرب در ضریب سال)، اضافه‌نرخ آمبولانس، آتش‌نشانی و صنعتی، نرخ پوشش مالی مازاد و "
        + "حق بیمهٔ حوادث راننده ارقام نمونه‌اند و باید با بخشنامهٔ بیمهٔ مرکزی جایگزین شوند؛ سایر درصدها از SPEC است."
    static let sampleNote = sampleFigures + " این سال بازهٔ بخشودگی جریمهٔ دیرکرد ندارد."
    static let note1402 = sampleFigures + " بازهٔ بخشودگی ۱۴۰۲/۰۶/۰۲ تا ۱۴۰۲/۰۶/۱۸ نمونه نیست و از اعلام بیمهٔ مرکزی است."
}
