/// What a signed-in user may do. Stored by name; the names are part of the API (`--role`).
public enum Role: String, Codable, CaseIterable, Sendable {
    case admin, issuer, claims, head, accountant, agent, provider, customer

    /// Persian title shown on pages.
    public var title: String {
        switch self {
        case .admin: "مدیر سامانه"
        case .issuer: "کارشناس صدور"
        case .claims: "کارشناس خسارت"
        case .head: "رئیس اداره"
        case .accountant: "حسابدار"
        case .agent: "نماینده"
        case .provider: "مرکز درمانی / داروخانه"
        case .customer: "بیمه‌گذار"
        }
    }

    /// Staff work inside the insurer and see every agency's records.
    public var isStaff: Bool {
        switch self {
        case .admin, .issuer, .claims, .head, .accountant: true
        case .agent, .provider, .customer: false
        }
    }
}
