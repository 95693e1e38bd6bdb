/// The two covers of group term life (R-GL-02): death by any cause, and accidental death on top
/// of it (R-GL-12). The raw values are the API's cover codes and the quote's line codes.
public enum GroupLifeCover: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case death
    case accidentalDeath = "accidental-death"

    public var title: String {
        switch self {
        case .death: "فوت به هر علت"
        case .accidentalDeath: "فوت بر اثر حادثه"
        }
    }

    public static func < (a: GroupLifeCover, b: GroupLifeCover) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Completed years on a day: the birthday itself counts (born 1365/05/01 is 40 on 1405/05/01).
public enum LifeAge {
    public static func completedYears(born: JalaliDate, on day: JalaliDate) -> Int {
        let before = (day.month, day.day) < (born.month, born.day)
        return day.year - born.year - (before ? 1 : 0)
    }
}
