/// Iranian driving licence classes (گواهینامهٔ رانندگی), R-TP-01/R-TP-02.
///
/// CHOSEN (the seeds name no classes): پایه سوم drives cars, vans and trucks up to 3.5 t; پایه دوم
/// adds trucks up to 10 t and minibuses/buses up to 26 seats; پایه یکم adds heavier trucks and
/// larger buses; پایه یکم ویژه adds everything (articulated and special vehicles). A higher class
/// includes the lower ones. Motorcycles need a motorcycle licence, and it drives nothing else.
public enum DrivingLicenceClass: String, Sendable, Hashable, Codable, CaseIterable {
    case third
    case second
    case first
    case special
    case motorcycle

    /// The stable API code: "third", "second", "first", "special", "motorcycle".
    public var code: String { rawValue }

    public var label: String {
        switch self {
        case .third: "پایه سوم"
        case .second: "پایه دوم"
        case .first: "پایه یکم"
        case .special: "پایه یکم ویژه"
        case .motorcycle: "موتورسیکلت"
        }
    }

    /// "unknown-licence-class" (field "licence.class") for any other code.
    public init(code: String) throws {
        guard let value = DrivingLicenceClass(rawValue: code) else {
            throw DomainError(code: "unknown-licence-class", message: "پایهٔ گواهینامه شناخته نیست.",
                              field: "licence.class")
        }
        self = value
    }

    /// Whether a holder of this class may drive a vehicle that needs `required`.
    public func permits(_ required: DrivingLicenceClass) -> Bool {
        switch (self, required) {
        case (.motorcycle, .motorcycle): true
        case (.motorcycle, _), (_, .motorcycle): false
        default: rank >= required.rank
        }
    }

    /// Order of the four-wheel classes (motorcycle is apart).
    private var rank: Int {
        switch self {
        case .third: 1
        case .second: 2
        case .first: 3
        case .special: 4
        case .motorcycle: 0
        }
    }
}
