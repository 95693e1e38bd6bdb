/// T-GL, T-GL-EXAM, the extra-rate rule and T-IL (SPEC section T): sample figures, the same every
/// year 1403–1406 until a tariff file replaces them.
extension LifeTariff {
    static func sample(year: Int) -> LifeTariff {
        LifeTariff(
            year: year, isSample: true,
            groupClasses: [
                GroupLifeClass(number: 1, title: "طبقهٔ ۱ (کار اداری)", death: PerMille(hundredths: 648), accidentalDeath: PerMille(hundredths: 72)),
                GroupLifeClass(number: 2, title: "طبقهٔ ۲", death: PerMille(hundredths: 720), accidentalDeath: PerMille(hundredths: 108)),
                GroupLifeClass(number: 3, title: "طبقهٔ ۳", death: PerMille(hundredths: 810), accidentalDeath: PerMille(hundredths: 144)),
                GroupLifeClass(number: 4, title: "طبقهٔ ۴", death: PerMille(hundredths: 936), accidentalDeath: PerMille(hundredths: 216)),
                GroupLifeClass(number: 5, title: "طبقهٔ ۵ (مشاغل پرخطر)", death: PerMille(hundredths: 1080), accidentalDeath: PerMille(hundredths: 324)),
            ],
            groupExam: GroupExamRules(noReviewBelow: 50_000_000, acceptedUpToAge: 45, acceptedFromGroupSize: 50,
                                      questionnaireUpToAge: 55, questionnaireUpToSum: 500_000_000),
            maxExtraPercent: Percent(300),
            termLife: TermLifeTable(
                bands: [
                    TermLifeBand(ages: 18...30, rate: PerMille(hundredths: 120)),
                    TermLifeBand(ages: 31...40, rate: PerMille(hundredths: 180)),
                    TermLifeBand(ages: 41...50, rate: PerMille(hundredths: 360)),
                    TermLifeBand(ages: 51...60, rate: PerMille(hundredths: 720)),
                    TermLifeBand(ages: 61...65, rate: PerMille(hundredths: 1200)),
                ],
                ages: 18...65, terms: 1...20, examinationFromSum: 1_000_000_000, examinationFromAge: 51))
    }
}
