/// R-GL-07/08: the final premium replaces the premium the contract was registered with (the
/// request letter's estimate) by one final-premium endorsement, before anything is paid.
public enum GroupFinalPremium {
    /// What the endorsement adds (or, when negative, takes off) the premium charged.
    public static func delta(charged: Rial, final: Rial) throws -> Rial {
        try final.subtracting(charged)
    }

    /// The unpaid payment schedule moved from its sum to `final`: a smaller premium shrinks the
    /// lines from the last backwards (R-P-07's credit with nothing covered), a larger one is
    /// shared over every line, the remainder on the last.
    public static func schedule(_ lines: [Rial], final: Rial) throws -> [Rial] {
        let current = try Rial.sum(lines)
        if final < current {
            return try InstallmentSchedule.crediting(lines, covered: .zero, refund: try current.subtracting(final))
        }
        let more = try final.subtracting(current)
        return try InstallmentSchedule.charging(lines, open: Set(lines.indices), additional: more) ?? [final]
    }
}
