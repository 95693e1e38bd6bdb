/// The money of one policy as one account (R-P-03/05/07/08): what is charged (premium and the
/// issued endorsements' deltas), what was collected, what is in hand (cheques held, slips
/// pending), and what was paid back by refund orders. Every figure is read from here, so a refund
/// already paid is never paid again.
public struct PolicyAccount: Sendable, Hashable {
    public let charged: Rial
    public let collected: Rial
    public let inHand: Rial
    public let disbursed: Rial

    public init(charged: Rial, collected: Rial, inHand: Rial, disbursed: Rial) {
        self.charged = charged
        self.collected = collected
        self.inHand = inHand
        self.disbursed = disbursed
    }

    /// What the insurer keeps of the insured's money: collected less refunds paid back.
    public func netPaid() throws -> Rial { try collected.subtracting(disbursed) }

    /// Still to be paid or handed over: charged − net paid − in hand (negative when the insurer owes).
    public func open() throws -> Rial { try charged.subtracting(try netPaid()).subtracting(inHand) }

    /// R-P-07 (revised): a refund first reduces what is still owed; only the rest is paid out.
    /// `refund` ≥ 0 is the credit of a refund endorsement, taken against this account as it stood
    /// before the credit.
    public func splitRefund(_ refund: Rial) throws -> (reducesOwed: Rial, paidOut: Rial) {
        let owed = max(.zero, try open())
        let reduces = min(refund, owed)
        return (reduces, try refund.subtracting(reduces))
    }
}

extension InstallmentSchedule {
    /// R-P-07 (revised): the schedule after a refund credit. `covered` is what payments (collected
    /// or in hand, net of refunds) already cover, line by line from the first. The credit first
    /// shrinks the uncovered parts, from the last line backwards (it reduces what is still owed);
    /// what is left of it is paid out, and shrinks the covered parts the same way (those payments
    /// now stand for less premium). Σ lines falls by exactly `refund`. Throws "credit-exceeds-premium"
    /// for a credit larger than the whole schedule.
    public static func crediting(_ lines: [Rial], covered: Rial, refund: Rial) throws -> [Rial] {
        var coveredParts: [Rial] = [], openParts: [Rial] = []
        var prefix = Rial.zero
        for line in lines {
            let coveredHere = min(line, max(.zero, try covered.subtracting(prefix)))
            coveredParts.append(coveredHere)
            openParts.append(try line.subtracting(coveredHere))
            prefix = try prefix.adding(line)
        }
        var remaining = refund
        func shrink(_ parts: inout [Rial]) throws {
            for index in parts.indices.reversed() where remaining > .zero {
                let take = min(parts[index], remaining)
                parts[index] = try parts[index].subtracting(take)
                remaining = try remaining.subtracting(take)
            }
        }
        try shrink(&openParts)
        try shrink(&coveredParts)
        guard remaining == .zero else {
            throw DomainError(code: "credit-exceeds-premium", message: "برگشت حق بیمه از کل حق بیمهٔ بیمه‌نامه بیشتر است.", field: nil)
        }
        return try lines.indices.map { try coveredParts[$0].adding(openParts[$0]) }
    }
}
