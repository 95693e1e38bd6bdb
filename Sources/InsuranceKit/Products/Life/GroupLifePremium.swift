/// R-GL-02, R-GL-07, R-GL-09: the group's premiums from one occupational class, one sum insured
/// per person and the covers bought.
public struct GroupLifePremium: Sendable, Hashable {
    public let sumInsured: Rial
    public let occupationalClass: GroupLifeClass
    /// In `GroupLifeCover` order.
    public let covers: [GroupLifeCover]

    public init(sumInsured: Rial, occupationalClass: GroupLifeClass, covers: [GroupLifeCover]) {
        self.sumInsured = sumInsured
        self.occupationalClass = occupationalClass
        self.covers = Array(Set(covers)).sorted()
    }

    /// T-GL: round(sum insured × rate / 1000) for one person and one cover.
    public func perPerson(_ cover: GroupLifeCover) throws -> Rial {
        try occupationalClass.rate(cover).premium(of: sumInsured)
    }

    /// The annual premium of one person without an extra: the sum of the covers' premiums.
    public func annualPerPerson() throws -> Rial {
        try Rial.sum(covers.map { try perPerson($0) })
    }

    /// R-GL-02: one line per cover, the per-person premium × members.
    public func quoteLines(members: Int) throws -> [QuoteLine] {
        var lines: [QuoteLine] = []
        for cover in covers {
            let each = try perPerson(cover)
            let rate = occupationalClass.rate(cover)
            lines.append(QuoteLine(code: cover.rawValue, rule: "R-GL-02",
                                   label: "\(cover.title) — \(InputReader.persian(members)) نفر × \(each.persianFormatted) ریال (نرخ \(rate.persianFormatted)، \(occupationalClass.title))",
                                   amount: try each.multiplied(by: Int64(members))))
        }
        return lines
    }

    /// T-GL extra rate: round(death premium × extra %) for one member; zero without the death cover.
    public func medicalExtra(_ extra: Percent) throws -> Rial {
        guard covers.contains(.death), extra > .zero else { return .zero }
        return try perPerson(.death).percent(extra)
    }

    /// R-GL-07: the final premium over the admitted members, each extra computed separately and
    /// added up in one `medical-extra` line (omitted when no admitted member has an extra).
    public func finalLines(admittedExtras extras: [Percent]) throws -> [QuoteLine] {
        try finalLines(admitted: Dictionary(extras.map { ($0, 1) }, uniquingKeysWith: +))
    }

    /// The same from the number of admitted members per extra percent (0 for none): members with
    /// one percent have one rounded extra each, so their sum is that × their number.
    public func finalLines(admitted counts: [Percent: Int]) throws -> [QuoteLine] {
        let members = counts.values.reduce(0, +)
        var lines = try quoteLines(members: members).map {
            QuoteLine(code: $0.code, rule: "R-GL-07", label: $0.label, amount: $0.amount)
        }
        var extra = Rial.zero
        var withExtra = 0
        for (percent, count) in counts where percent > .zero && count > 0 {
            extra = try extra.adding(try medicalExtra(percent).multiplied(by: Int64(count)))
            withExtra += count
        }
        if withExtra > 0 {
            lines.append(QuoteLine(code: "medical-extra", rule: "R-GL-07",
                                   label: "اضافه‌نرخ پزشکی پوشش فوت (\(InputReader.persian(withExtra)) نفر)", amount: extra))
        }
        return lines
    }

    /// R-GL-09: the premium of a member change = annual per-person premium × remaining months / 12,
    /// remaining months = ceil(remaining days × 12 / term days), for `persons` people (their
    /// extras included), rounded once on the total.
    public func changePremium(persons extras: [Percent], term: PolicyTerm, effective: JalaliDate) throws -> Rial {
        var annual = Rial.zero
        let base = try annualPerPerson()
        for percent in extras {
            annual = try annual.adding(try base.adding(try medicalExtra(percent)))
        }
        let months = Self.remainingMonths(term: term, effective: effective)
        return try annual.proRata(numerator: Int64(months), denominator: 12)
    }

    /// R-GL-09: ceil(remaining days × 12 / term days); the remaining days count from 24:00 of the
    /// effective day to the end (R-G-04), 0…term.
    public static func remainingMonths(term: PolicyTerm, effective: JalaliDate) -> Int {
        let remaining = term.remainingDays(at: effective)
        return (remaining * 12 + term.days - 1) / term.days
    }
}
