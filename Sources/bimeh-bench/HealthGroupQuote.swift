import Foundation
import InsuranceKit

/// `--in-process-health-quote RUNS [--members 1000]`: a group of that many members (silver,
/// visits and drugs, SyntheticHealthGroups 0) quoted from its JSON inputs — validated, priced
/// person by person (R-SH-03, R-SH-10) and written as canonical inputs — RUNS times on one core;
/// the median, fastest and slowest run in milliseconds.
enum HealthGroupQuote {
    static func run(_ args: [String]) -> Never {
        func value(_ name: String) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
            return args[i + 1]
        }
        let runs = max(1, Int(value("--in-process-health-quote") ?? "") ?? 50)
        let members = Int(value("--members") ?? "") ?? 1_000
        let date = try! JalaliDate(year: 1405, month: 1, day: 10)
        let persons = try! JSONSerialization.jsonObject(with: try! JSONEncoder().encode(SyntheticHealthGroups.members(group: 0, size: members)))
        let inputs: [String: Any] = ["plan": SyntheticHealthGroups.plan, "kind": "group", "hasBaseInsurance": true,
                                     "optionalCovers": SyntheticHealthGroups.optionalCovers, "persons": persons]
        let body = try! JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys])
        let product = SupplementaryHealth()
        var times: [Double] = []
        var total = Rial.zero
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                total = try product.quote(inputs: body, context: QuoteContext(date: date)).total
            } catch {
                print("the group quote failed: \(error)")
                exit(1)
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        print("in-process group quote, \(members) members (\(body.count) bytes of inputs), \(runs) runs: median \(String(format: "%.2f", times[times.count / 2])) ms, fastest \(String(format: "%.2f", times[0])) ms, slowest \(String(format: "%.2f", times[times.count - 1])) ms; premium \(total.amount) rials")
        exit(0)
    }
}
