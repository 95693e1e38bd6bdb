/// R-G-09: how a policy was sold; reports and the online-broker rule read it.
public enum SaleChannel: String, Codable, Sendable, Hashable, CaseIterable {
    case direct, agency, broker

    public var title: String {
        switch self {
        case .direct: "مستقیم"
        case .agency: "نمایندگی"
        case .broker: "کارگزاری"
        }
    }
}
