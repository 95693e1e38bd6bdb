/// What the statistics store records (R-P-10): each issued policy, endorsement, cancellation and
/// claim payment is one entry.
public enum StatisticsKind: String, Codable, Sendable, CaseIterable {
    case policy, endorsement, cancellation
    case claimPayment = "claim-payment"

    public var title: String {
        switch self {
        case .policy: "بیمه‌نامه"
        case .endorsement: "الحاقیه"
        case .cancellation: "فسخ"
        case .claimPayment: "پرداخت خسارت"
        }
    }
}

/// The four monthly reports of R-RP-01 and the entries each one counts. A new contract is an
/// issued policy; a cancellation is reported with the endorsements (it changes an issued policy's
/// premium like a refund endorsement does).
public enum ReportKind: String, Codable, Sendable, CaseIterable {
    case issuedPolicies = "issued-policies"
    case contractsAndEndorsements = "contracts-and-endorsements"
    case endorsements
    case claimsPaid = "claims-paid"

    public init(parsing text: String) throws {
        guard let kind = ReportKind(rawValue: text) else {
            throw DomainError(code: "unknown-report", message: "گزارش «\(text)» تعریف نشده است؛ گزارش‌ها: issued-policies، contracts-and-endorsements، endorsements و claims-paid.", field: "kind")
        }
        self = kind
    }

    public var entryKinds: Set<StatisticsKind> {
        switch self {
        case .issuedPolicies: [.policy]
        case .contractsAndEndorsements: [.policy, .endorsement, .cancellation]
        case .endorsements: [.endorsement, .cancellation]
        case .claimsPaid: [.claimPayment]
        }
    }

    public var title: String {
        switch self {
        case .issuedPolicies: "بیمه‌نامه‌های صادرشده"
        case .contractsAndEndorsements: "قراردادهای جدید و الحاقیه‌ها"
        case .endorsements: "الحاقیه‌ها"
        case .claimsPaid: "خسارت‌های پرداختی به تفکیک قرارداد"
        }
    }

    /// The heading of the amount column (premium or amount paid).
    public var amountTitle: String { self == .claimsPaid ? "مبلغ پرداختی (ریال)" : "حق بیمه (ریال)" }
}

/// R-RP-01: by department (اداره), agency or company.
public enum ReportGrouping: String, Codable, Sendable, CaseIterable {
    case department, agency, company

    /// `unknown-grouping` for any other `?by=`; none given is by department.
    public init(parsing text: String?) throws {
        guard let text, !text.isEmpty else { self = .department; return }
        guard let grouping = ReportGrouping(rawValue: text) else {
            throw DomainError(code: "unknown-grouping", message: "تفکیک «\(text)» تعریف نشده است؛ by باید department، agency یا company باشد.", field: "by")
        }
        self = grouping
    }

    public var title: String {
        switch self {
        case .department: "اداره"
        case .agency: "نمایندگی"
        case .company: "شرکت"
        }
    }
}

/// R-RP-01: who receives a report.
public enum ReportRecipient: String, Codable, Sendable, CaseIterable {
    case accountingStatistics = "accounting-statistics"
    case statisticsReinsurance = "statistics-reinsurance"
    case issuanceSupervision = "issuance-supervision"
    case claimsSupervision = "claims-supervision"
    case persons

    public init(parsing text: String?) throws {
        guard let text, let recipient = ReportRecipient(rawValue: text) else {
            throw DomainError(code: "unknown-recipient", message: "گیرندهٔ گزارش باید یکی از accounting-statistics، statistics-reinsurance، issuance-supervision، claims-supervision یا persons باشد.", field: "recipient")
        }
        self = recipient
    }

    public var title: String {
        switch self {
        case .accountingStatistics: "حسابداری و آمار"
        case .statisticsReinsurance: "آمار و اتکایی"
        case .issuanceSupervision: "نظارت بر صدور"
        case .claimsSupervision: "نظارت بر خسارت"
        case .persons: "ادارهٔ بیمه‌های اشخاص"
        }
    }
}
