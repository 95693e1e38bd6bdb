/// What changes between two third-party tariffs, in lines an administrator reads before loading
/// next year's file: classes added or removed, base premiums with their percentage change,
/// usages, extra-cover and driver-accident prices, amnesty windows, rates.
public enum ThirdPartyTariffDiff {
    public static func changes(from old: ThirdPartyTariff, to new: ThirdPartyTariff) -> [String] {
        var lines: [String] = []
        let oldClasses = Dictionary(uniqueKeysWithValues: old.vehicleClasses.map { ($0.code, $0) })
        for row in new.vehicleClasses {
            guard let before = oldClasses[row.code] else {
                lines.append("+ class \(row.code) (\(row.label)): base \(row.basePremium.amount)")
                continue
            }
            if before.basePremium != row.basePremium {
                lines.append("~ class \(row.code): base \(before.basePremium.amount) → \(row.basePremium.amount) (\(change(before.basePremium, row.basePremium)))")
            }
            if before.label != row.label { lines.append("~ class \(row.code): label «\(before.label)» → «\(row.label)»") }
            if before.requiredLicence != row.requiredLicence {
                lines.append("~ class \(row.code): licence \(before.requiredLicence.rawValue) → \(row.requiredLicence.rawValue)")
            }
        }
        for row in old.vehicleClasses where !new.vehicleClasses.contains(where: { $0.code == row.code }) {
            lines.append("- class \(row.code) (\(row.label))")
        }
        let oldUsages = Dictionary(uniqueKeysWithValues: old.usages.map { ($0.code, $0) })
        for usage in new.usages {
            if let before = oldUsages[usage.code] {
                if before.surchargePercent != usage.surchargePercent {
                    lines.append("~ usage \(usage.code): surcharge \(before.surchargePercent) % → \(usage.surchargePercent) %")
                }
            } else {
                lines.append("+ usage \(usage.code) (\(usage.label)): surcharge \(usage.surchargePercent) %")
            }
        }
        for usage in old.usages where oldUsages[usage.code] != nil && !new.usages.contains(where: { $0.code == usage.code }) {
            lines.append("- usage \(usage.code)")
        }
        if old.extraCoverUnit != new.extraCoverUnit || old.extraCoverPremiumPerUnit != new.extraCoverPremiumPerUnit {
            lines.append("~ extra financial cover: \(old.extraCoverPremiumPerUnit.amount) per \(old.extraCoverUnit.amount) → \(new.extraCoverPremiumPerUnit.amount) per \(new.extraCoverUnit.amount)")
        }
        if old.driverAccidentPremium != new.driverAccidentPremium {
            lines.append("~ driver accident: \(old.driverAccidentPremium.amount) → \(new.driverAccidentPremium.amount) (\(change(old.driverAccidentPremium, new.driverAccidentPremium)))")
        }
        let windows = { (t: ThirdPartyTariff) in t.amnestyWindows.map { "\($0.lowerBound)–\($0.upperBound)" } }
        if windows(old) != windows(new) {
            lines.append("~ amnesty windows: \(windows(old).joined(separator: ", ")) → \(windows(new).joined(separator: ", "))")
        }
        if old.rates != new.rates { lines.append("~ rates (surcharges, discounts, no-claim, penalty, cover shares) changed") }
        if old.isSample != new.isSample { lines.append("~ sample figures: \(old.isSample) → \(new.isSample)") }
        return lines
    }

    /// "+20.00 %": the relative change, exact to two decimals.
    static func change(_ old: Rial, _ new: Rial) -> String {
        guard old.amount != 0 else { return "new" }
        let basisPoints = (new.amount - old.amount) * 10_000 / old.amount
        let sign = basisPoints >= 0 ? "+" : "-"
        let magnitude = abs(basisPoints)
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents) %"
    }
}
