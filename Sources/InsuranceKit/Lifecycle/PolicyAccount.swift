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

    /// What the insured still owes of collected money: charged − net paid (cheques held and slips
    /// pending are not paid, R-P-05). Negative when the insurer holds more than it charges.
    public func owed() throws -> Rial { try charged.subtracting(try netPaid()) }

    /// R-P-07 (revised): a refund first reduces what is still owed; only the rest is paid out.
    /// `refund` ≥ 0 is the credit of a refund endorsement, taken against this account as it stood
    /// before the credit. Money in hand is never paid out: a held cheque may still bounce.
    public func splitRefund(_ refund: Rial) throws -> (reducesOwed: Rial, paidOut: Rial) {
        let owed = max(.zero, try owed())
        let reduces = min(refund, owed)
        return (reduces, try refund.subtracting(reduces))
    }

    /// R-P-05 with the account: collecting `amount` (a held cheque or a pending slip) may not take
    /// net paid beyond what is charged plus `pendingAdditional` (an additional premium awaiting
    /// payment), nor pay more than its schedule line now asks (`line`: number and current amount,
    /// for a cheque recorded against one). A cheque for a line a refund or cancellation shrank is
    /// returned to the insured, and a new one is taken for the line as it stands.
    public func checkCollectable(_ amount: Rial, pendingAdditional: Rial = .zero, line: (number: Int, amount: Rial)? = nil) throws {
        if let line, amount > line.amount {
            throw DomainError(code: "payment-exceeds-owed",
                              message: "قسط شمارهٔ \(Normalize.persianDigits(String(line.number))) اکنون \(line.amount.persianFormatted) ریال است و این چک \(amount.persianFormatted) ریال؛ چک را به بیمه‌گذار برگردانید و برای این قسط چک تازه بگیرید.",
                              field: "amount")
        }
        let room = try owed().adding(pendingAdditional)
        guard amount <= room else {
            throw DomainError(code: "payment-exceeds-owed",
                              message: "با وصول این مبلغ (\(amount.persianFormatted) ریال) بیش از بدهی بیمه‌گذار (\(max(.zero, room).persianFormatted) ریال) دریافت می‌شود؛ چک یا فیش را به بیمه‌گذار برگردانید و برای مانده، پرداخت تازه ثبت کنید.",
                              field: "amount")
        }
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

extension InstallmentSchedule {
    /// R-P-07 (revised): an additional premium on an installment plan is spread over the lines no
    /// payment holds yet (`open`, 0-based), in equal parts with the remainder on the last of them,
    /// so Σ lines rises by exactly `additional`. Nil when no line is open: the additional premium
    /// is then collected before the endorsement takes effect.
    public static func charging(_ lines: [Rial], open: Set<Int>, additional: Rial) throws -> [Rial]? {
        guard !additional.isNegative else { throw DomainError.negativeAmount.withField("additional") }
        let targets = open.filter { lines.indices.contains($0) }.sorted()
        guard let last = targets.last else { return nil }
        let share = Rial(additional.amount / Int64(targets.count))
        let remainder = try additional.subtracting(Rial(share.amount * Int64(targets.count)))
        var result = lines
        for index in targets {
            result[index] = try result[index].adding(share)
        }
        result[last] = try result[last].adding(remainder)
        return result
    }
}

extension InstallmentSchedule {
    /// The lines (0-based) still open to a change: not held by a payment recorded against them
    /// (`taken`, 0-based), and not covered by payments recorded against no line (`untied`, e.g. a
    /// bank slip), which pay the untaken lines from the first.
    public static func openLines(_ lines: [Rial], taken: Set<Int>, untied: Rial) throws -> Set<Int> {
        var left = untied
        var open = Set<Int>()
        for index in lines.indices where !taken.contains(index) {
            if left >= lines[index] {
                left = try left.subtracting(lines[index])
            } else {
                left = .zero
                open.insert(index)
            }
        }
        return open
    }
}

extension PolicyAccount {
    /// R-P-08 with the account: a cancellation keeps `retained` of the premium, so it credits the
    /// account with what is charged beyond that. Its refund is what net paid exceeds `retained`;
    /// a refund endorsement paid out earlier already lowered net paid, so only the difference is
    /// paid now.
    public func cancellationCredit(retained: Rial) throws -> Rial {
        guard !retained.isNegative, retained <= charged else { throw DomainError.negativeAmount.withField("retained") }
        return try charged.subtracting(retained)
    }
}
