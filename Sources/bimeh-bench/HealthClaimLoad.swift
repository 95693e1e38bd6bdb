import AsyncHTTPClient
import Foundation
import InsuranceKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// `--health-claims N --persons P [--concurrency C] [--date yyyy/mm/dd] [--health-seconds S]`:
/// direct claims (`POST /api/v1/health/claims`) by the demo provider for random persons of the
/// P insured `bimeh seed health-bench --persons P` created (SyntheticHealthGroups, groups of
/// 1,000, silver with visits and drugs), C clients at once. Every answer is checked: 201, and
/// payable, insured share, remaining ceiling and lines as HealthClaimMath (R-SH-04/06) gives them
/// for the inputs and what earlier claims of the run paid. Each client owns every C-th person, so
/// it knows the ceiling each of its persons has left; the database must be fresh. In the same run
/// `GET /api/v1/health` is asked by the same C clients for S seconds, and the ratio printed.
enum HealthClaimLoad {
    /// Covers of the silver plan a center takes without an introduction letter.
    static let covers = ["paraclinic", "other-diagnostics", "outpatient-surgery", "lab-radiology-physio", "ambulance", "visit-drugs"]

    struct Options {
        var url = "http://127.0.0.1:8080"
        var claims = 20_000
        var persons = 100_000
        var concurrency = 16
        var date = "1405/01/10"
        var healthSeconds = 5.0

        init(_ args: [String]) {
            var i = 1
            while i < args.count {
                let value = i + 1 < args.count ? args[i + 1] : ""
                switch args[i] {
                case "--url": url = value
                case "--health-claims": claims = Int(value) ?? claims
                case "--persons": persons = Int(value) ?? persons
                case "--concurrency": concurrency = Int(value) ?? concurrency
                case "--date": date = value
                case "--health-seconds": healthSeconds = Double(value) ?? healthSeconds
                default: break
                }
                i += 2
            }
        }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func run(_ args: [String]) async -> Never {
        let options = Options(args)
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.concurrency)))
        do {
            let plan = try HealthTariff.forYear(try JalaliDate(parsing: options.date).year).plan(SyntheticHealthGroups.plan)!
            let token = try await signIn(client, options)
            // warm-up: connections opened, the person index and statements brought in (not counted; the ceilings they spend are tracked)
            let ledgers = (0..<options.concurrency).map { _ in Ledger() }
            _ = try await claims(client, options, token: token, plan: plan, ledgers: ledgers, count: min(options.claims / 10, 1_000))
            let health = try await healthRate(client, options)
            let (elapsed, latencies, failures) = try await claims(client, options, token: token, plan: plan, ledgers: ledgers, count: options.claims)
            let rate = Double(options.claims - failures.count) / elapsed
            print("claims: \(options.claims) by \(options.concurrency) clients over \(options.persons) persons in \(String(format: "%.2f", elapsed)) s")
            print("direct claims/s: \(String(format: "%.1f", rate)) (p50 \(ms(percentile(latencies, 0.5))) ms, p99 \(ms(percentile(latencies, 0.99))) ms)")
            print("health: \(String(format: "%.0f", health.rate)) req/s (p50 \(ms(percentile(health.latencies, 0.5))) ms, p99 \(ms(percentile(health.latencies, 0.99))) ms)")
            print("ratio claims / health: \(String(format: "%.1f", 100 * rate / health.rate)) %")
            print("failed claims: \(failures.count)")
            for failure in failures.prefix(20) { print("  \(failure)") }
            try await client.shutdown().get()
            exit(failures.isEmpty ? 0 : 1)
        } catch {
            print("bimeh-bench: \(error)")
            try? await client.shutdown().get()
            exit(2)
        }
    }

    /// What the claims of the run paid per person and cover, for one client's persons.
    final class Ledger: @unchecked Sendable {
        var spent: [Int: Rial] = [:]
        var generator = SplitMix(seed: UInt64.random(in: 1...UInt64.max))
    }

    static func claims(_ client: HTTPClient, _ options: Options, token: String, plan: HealthPlan, ledgers: [Ledger], count: Int)
        async throws -> (Double, [Double], [String]) {
        let counter = Counter()
        let started = DispatchTime.now().uptimeNanoseconds
        let results = await withTaskGroup(of: ([Double], [String]).self) { group in
            for c in 0..<options.concurrency {
                let ledger = ledgers[c]
                group.addTask {
                    var latencies: [Double] = [], failures: [String] = []
                    while await counter.next(limit: count) != nil {
                        do { latencies.append(try await claim(client, options, token: token, plan: plan, client: c, ledger: ledger)) } catch {
                            failures.append("\(error)")
                        }
                    }
                    return (latencies, failures)
                }
            }
            var all: ([Double], [String]) = ([], [])
            for await part in group { all.0 += part.0; all.1 += part.1 }
            return all
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, results.0, results.1)
    }

    /// One claim for a random person of this client's share, its answer checked against R-SH-04/06.
    static func claim(_ client: HTTPClient, _ options: Options, token: String, plan: HealthPlan, client c: Int, ledger: Ledger) async throws -> Double {
        let share = options.persons / options.concurrency
        let person = Int(ledger.generator.next() % UInt64(share)) * options.concurrency + c
        let code = SyntheticHealthGroups.nationalCode(group: person / 1_000, index: person % 1_000)
        let coverCode = covers[Int(ledger.generator.next() % UInt64(covers.count))]
        let cover = plan.cover(coverCode)!
        let cost = Int64(1 + ledger.generator.next() % 300) * 100_000            // 100,000 … 30,000,000 rials
        let basePaid = ledger.generator.next() % 2 == 0 ? 0 : cost * Int64(ledger.generator.next() % 41) / 100   // 0 … 40 %
        let key = person * covers.count + covers.firstIndex(of: coverCode)!
        let spent = ledger.spent[key] ?? .zero
        let expected = try HealthClaimMath.settle(cost: Rial(amount: cost), basePaid: Rial(amount: basePaid), franchise: plan.franchise,
                                                  remainingCeiling: try cover.ceiling.subtracting(spent))
        var request = HTTPClientRequest(url: options.url + "/api/v1/health/claims")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"nationalCode":"\#(code)","serviceDate":"\#(options.date)","cover":"\#(coverCode)","cost":\#(cost),"basePaid":\#(basePaid)}"#))
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any]) ?? [:]
        let lines = (json["lines"] as? [[String: Any]] ?? []).map { "\($0["code"] as? String ?? "?")=\(($0["amount"] as? NSNumber)?.int64Value ?? 0)" }
        let want = expected.lines.map { "\($0.code)=\($0.amount.amount)" }
        guard response.status.code == 201, json["covered"] as? Bool == true,
              (json["payable"] as? NSNumber)?.int64Value == expected.payable.amount,
              (json["insuredShare"] as? NSNumber)?.int64Value == expected.insuredShare.amount,
              (json["remainingCeiling"] as? NSNumber)?.int64Value == expected.remainingCeiling.amount,
              lines == want else {
            throw Failure(description: "claim \(code) \(coverCode) cost \(cost) base \(basePaid): expected 201 payable \(expected.payable.amount) remaining \(expected.remainingCeiling.amount) \(want), got \(response.status.code) \(json)")
        }
        ledger.spent[key] = try spent.adding(expected.payable)
        return seconds
    }

    static func healthRate(_ client: HTTPClient, _ options: Options) async throws -> (rate: Double, latencies: [Double]) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(options.healthSeconds * 1e9)
        let started = DispatchTime.now().uptimeNanoseconds
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<options.concurrency {
                group.addTask {
                    var latencies: [Double] = []
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        let start = DispatchTime.now().uptimeNanoseconds
                        let response = try await client.execute(HTTPClientRequest(url: options.url + "/api/v1/health"), timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 16)
                        guard response.status == .ok else { throw Failure(description: "health answered \(response.status.code)") }
                        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    }
                    return latencies
                }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        return (Double(latencies.count) / (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9), latencies)
    }

    static func signIn(_ client: HTTPClient, _ options: Options) async throws -> String {
        var request = HTTPClientRequest(url: options.url + "/api/v1/auth/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"username":"provider","password":"demo-provider"}"#))
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 16)
        guard response.status.code == 200, let json = try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any],
              let token = json["token"] as? String else {
            throw Failure(description: "sign-in of the demo provider failed (\(response.status.code)); was the database seeded with `bimeh seed health-bench`?")
        }
        return token
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
}

/// A small fast generator, one per client (no lock on the shared system generator).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
