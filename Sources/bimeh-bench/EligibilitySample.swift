import Foundation
import InsuranceKit

/// `--eligibility-sample K --persons N [--seed S]`: prints K national codes spread evenly over the
/// synthetic list `bimeh seed eligibility --persons N --seed S` loads (same generator, same seed),
/// one per line, for the load generator to ask about. Today only moves cover end dates, never
/// which codes exist.
enum EligibilitySample {
    static func run(_ args: [String]) -> Never {
        func value(_ name: String) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
            return args[i + 1]
        }
        let count = Int(value("--eligibility-sample") ?? "") ?? 10_000
        let persons = Int(value("--persons") ?? "") ?? 100_000
        let seed = UInt64(value("--seed") ?? "") ?? 1405
        let stride = max(1, persons / max(1, count))
        let today = try! JalaliDate(year: 1405, month: 1, day: 1)
        var out = ""
        out.reserveCapacity(count * 11)
        for (index, row) in SyntheticEntitlements(persons: persons, seed: seed, today: today).enumerated() where index % stride == 0 {
            out += row.person.key + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        exit(0)
    }
}
