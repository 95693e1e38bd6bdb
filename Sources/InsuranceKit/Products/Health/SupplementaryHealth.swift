import Foundation

/// Supplementary health (بیمهٔ تکمیلی درمان, seeds 001 and 003): individual, family and group
/// plans priced per insured person (R-SH-01…03, R-SH-10, T-SH).
public struct SupplementaryHealth: ProductLine {
    public init() {}

    public let code: ProductCode = "supplementary-health"
    public let title = "بیمهٔ تکمیلی درمان"
    public var family: ProductFamily { .health }

    /// R-SH-11: lump sum, or 6, 8 or 12 equal monthly installments, the first before issue.
    public let paymentPlans = PaymentPlanRules.monthly([6, 8, 12])

    /// R-P-08: the seeds give no notice period for health; 20 days as the other lines.
    public let cancellationNoticeDays = 20
    /// R-CL-02: reimbursement within 10 days of the service.
    public let claimNoticeDays = 10

    public let coveredPerils = [
        "هزینه‌های درمان بیمه‌شدگان تا سقف سالانهٔ هر پوشش برای هر نفر، پس از کسر سهم بیمه‌گر پایه یا فرانشیز",
    ]

    public var generalConditions: [String] {
        [
            "سقف هر پوشش برای هر بیمه‌شده و هر سال بیمه‌ای است و آنچه در خسارت‌های پیشین پرداخت شده از آن کم می‌شود.", // R-SH-06
            "از هر هزینه، بیشترِ سهم بیمه‌گر پایه و فرانشیز طرح کسر می‌شود.",                                              // R-SH-04
            "در مراکز طرف قرارداد، بیمه‌شده با کد ملی خدمت می‌گیرد و برای پوشش‌های نیازمند معرفی‌نامه، معرفی‌نامهٔ بیمه‌گر لازم است.", // R-SH-05/07
            "در مراکز غیرطرف قرارداد، بیمه‌شده ظرف ۱۰ روز از خدمت با اصل مدارک درخواست خسارت می‌دهد.",                     // R-SH-08
            "افزودن یا حذف بیمه‌شده با صدور الحاقیه و به نسبت روزهای باقی‌مانده انجام می‌شود.",                              // R-P-07
            "پوشش از ساعت ۲۴ روز شروع تا ساعت ۲۴ روز پایان مدت بیمه‌نامه است.",                                           // R-G-04
        ]
    }

    /// R-SH-02/03, T-SH: each person's premium = round(price × age factor) (group: the price is
    /// the group share of it), each optional cover adding its share of that; without base
    /// insurance one surcharge line on the persons' sum. The ages count at the quote date, which
    /// is the start the policy is sold for.
    public func quote(inputs data: Data, context: QuoteContext) throws -> ProductQuote {
        let tariff = try HealthTariff.forYear(context.date.year)
        var reader = InputReader()
        let parsed = try HealthInputs.parse(data, tariff: tariff, into: &reader)
        guard let inputs = parsed else {
            try reader.finish()
            throw DomainError(code: "invalid-inputs", message: "ورودی‌های بیمهٔ تکمیلی درمان ناقص است.", field: "inputs")
        }
        HealthPersonRules.check(inputs, start: context.date, tariff: tariff, into: &reader)
        guard let plan = tariff.plan(inputs.plan) else { throw DomainError(code: "unknown-plan", message: "طرح شناخته نیست.", field: "inputs.plan") }
        if !inputs.hasBaseInsurance && !plan.allowsWithoutBaseInsurance {
            reader.fail("base-insurance-required", "\(plan.title) بدون بیمهٔ پایه صادر نمی‌شود.", at: "inputs.hasBaseInsurance")
        }
        let lines = try personLines(inputs, plan: plan, tariff: tariff, start: context.date, into: &reader)
        try reader.finish()
        var all = lines
        if !inputs.hasBaseInsurance {
            let surcharge = try Rial.sum(lines.map(\.amount)).percent(tariff.noBaseInsuranceSurcharge)
            all.append(QuoteLine(code: "surcharge-no-base-insurance", rule: "R-SH-02",
                                 label: "اضافه‌نرخ نداشتن بیمهٔ پایه (\(tariff.noBaseInsuranceSurcharge.persianFormatted))", amount: surcharge))
        }
        return try ProductQuote(
            product: code, lines: all,
            sumInsured: plan.cover("hospitalization")?.ceiling ?? .zero,
            franchisePercent: plan.franchise,
            coveredPerils: plan.covers.filter { !$0.optional || inputs.optionalCovers.contains($0.code) }
                .map { "\($0.title): تا \($0.ceiling.persianFormatted) ریال برای هر نفر در سال" },
            normalizedInputs: inputs.canonicalJSON(),
            tariffYear: tariff.year, tariffIsSample: tariff.isSample)
    }

    /// `person-1` … `person-n`, in the order given.
    func personLines(_ inputs: HealthInputs, plan: HealthPlan, tariff: HealthTariff, start: JalaliDate,
                     into reader: inout InputReader) throws -> [QuoteLine] {
        let price = inputs.kind == .group ? try plan.price.percent(tariff.groupShare) : plan.price
        var lines: [QuoteLine] = []
        lines.reserveCapacity(inputs.persons.count)
        for (index, person) in inputs.persons.enumerated() where person.birthDate <= start {
            let age = person.age(on: start)
            guard let band = tariff.band(forAge: age), !band.parentsOnly || (person.relation == .parent && inputs.kind == .family) else {
                if person.relation != .main {   // the main's range is reported by HealthPersonRules
                    reader.fail("age-out-of-range", "برای سن \(InputReader.persian(age)) سال در این طرح نرخی نیست.", at: "inputs.persons[\(index)].birthDate")
                }
                continue
            }
            let base = try price.percent(band.factor)
            var amount = base
            for _ in inputs.optionalCovers {
                amount = try amount.adding(try base.percent(tariff.optionalCoverShare))
            }
            lines.append(QuoteLine(code: "person-\(index + 1)", rule: "R-SH-03",
                                   label: "بیمه‌شدهٔ \(InputReader.persian(index + 1)) (\(person.relation.title)، \(InputReader.persian(age)) ساله، ضریب \(band.factor.persianFormatted))",
                                   amount: amount))
        }
        return lines
    }
}
