/// A monthly report's states (R-RP-01, R-RP-04): `draft` → `approved-by-accounting` → `sent`.
/// Accounting approves once; statistics & reinsurance receives it only after that approval; each
/// recipient receives it once.
public struct ReportWorkflow: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        case draft
        case approvedByAccounting = "approved-by-accounting"
        case sent
    }

    public private(set) var approved: Bool
    public private(set) var sentTo: [ReportRecipient]

    public init(approved: Bool = false, sentTo: [ReportRecipient] = []) {
        self.approved = approved
        self.sentTo = sentTo
    }

    public var status: Status { !sentTo.isEmpty ? .sent : approved ? .approvedByAccounting : .draft }

    public mutating func approve() throws {
        guard !approved else {
            throw DomainError(code: "report-already-approved", message: "این گزارش پیش‌تر به تأیید حسابداری رسیده است.")
        }
        approved = true
    }

    public mutating func send(to recipient: ReportRecipient) throws {
        if recipient == .statisticsReinsurance && !approved {
            throw DomainError(code: "report-not-approved", message: "ارسال گزارش به آمار و اتکایی پس از تأیید حسابداری ممکن است؛ این گزارش هنوز تأیید نشده است.", field: "recipient")
        }
        guard !sentTo.contains(recipient) else {
            throw DomainError(code: "report-already-sent", message: "این گزارش پیش‌تر برای «\(recipient.title)» فرستاده شده است.", field: "recipient")
        }
        sentTo.append(recipient)
    }
}

/// R-RP-02: where a change enters the store. Its month of effect, unless that month is closed:
/// then the first open month, as an adjustment of the closed one.
public enum StatisticsPlacement {
    public struct Place: Sendable, Hashable {
        public let month: ReportMonth
        /// The closed month the entry corrects; nil for an entry in its own month.
        public let corrects: ReportMonth?
    }

    public static func place(effect: ReportMonth, lastClosed: ReportMonth?) -> Place {
        guard let lastClosed, effect <= lastClosed else { return Place(month: effect, corrects: nil) }
        return Place(month: lastClosed.next, corrects: effect)
    }
}

/// R-RP-02: months close in order, once, after they end.
public enum MonthCloseRule {
    /// `previousOpenWithEntries`: no month is closed yet and the month before has entries, which
    /// would be left open behind a closed month.
    public static func check(_ month: ReportMonth, today: JalaliDate, lastClosed: ReportMonth?, previousOpenWithEntries: Bool) throws {
        try month.checkEnded(today: today)
        if let lastClosed {
            guard month > lastClosed else {
                throw DomainError(code: "month-already-closed", message: "ماه \(month.persianDescription) پیش‌تر بسته شده است.", field: "month")
            }
            guard month == lastClosed.next else {
                throw DomainError(code: "month-close-out-of-order", message: "ماه‌ها به ترتیب بسته می‌شوند: نخست ماه \(lastClosed.next.persianDescription) را ببندید.", field: "month")
            }
        } else if previousOpenWithEntries {
            throw DomainError(code: "month-close-out-of-order", message: "ماه‌ها به ترتیب بسته می‌شوند: نخست ماه \(month.previous.persianDescription) را ببندید.", field: "month")
        }
    }
}
