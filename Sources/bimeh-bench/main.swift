// bimeh-bench: complete policy flows over HTTP against a running `bimeh serve --demo`.
// Each flow: quote → register (cash) → cheque → collect → issue, every response checked.
// Usage: bimeh-bench [--url http://127.0.0.1:8080[,http://127.0.0.1:8081…]] [--flows 2000] [--concurrency 16]
//        (several URLs: servers sharing one database; step k of flow i goes to URL (i + k) mod n,
//        so each flow crosses servers)
//        bimeh-bench --in-process-quotes [count]   (third-party pricing on one core, no server)
//        bimeh-bench --eligibility-sample K --persons N [--seed S]   (codes of the synthetic list)
//        bimeh-bench --health-claims N --persons P [--concurrency C]   (direct health claims, HealthClaimLoad)
//        bimeh-bench --in-process-health-quote RUNS [--members 1000]   (a group's quote on one core)
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

struct Options {
    var url = "http://127.0.0.1:8080"
    var urls: [String] { url.split(separator: ",").map(String.init) }
    var flows = 2000
    var concurrency = 16

    init(_ args: [String]) {
        var i = 1
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--url": url = value
            case "--flows": flows = Int(value) ?? flows
            case "--concurrency": concurrency = Int(value) ?? concurrency
            default: break
            }
            i += 2
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
}

actor Recorder {
    var latencies: [String: [Double]] = [:]
    var failures: [String] = []

    func record(_ step: String, _ seconds: Double) { latencies[step, default: []].append(seconds) }
    func fail(_ message: String) { if failures.count < 20 { failures.append(message) } }
}

if CommandLine.arguments.contains("--eligibility-sample") {
    EligibilitySample.run(CommandLine.arguments)
}

if CommandLine.arguments.contains("--health-claims") {
    await HealthClaimLoad.run(CommandLine.arguments)
}

if CommandLine.arguments.contains("--in-process-health-quote") {
    HealthGroupQuote.run(CommandLine.arguments)
}

if let i = CommandLine.arguments.firstIndex(of: "--in-process-quotes") {
    let count = i + 1 < CommandLine.arguments.count ? Int(CommandLine.arguments[i + 1]) ?? 200_000 : 200_000
    QuoteThroughput.run(count: count)
}

let options = Options(CommandLine.arguments)
let client = HTTPClient(eventLoopGroupProvider: .singleton,
                        configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.concurrency)))
let recorder = Recorder()

func call(_ method: HTTPMethod, _ path: String, token: String?, body: [String: Any]?, step: String, server: Int = 0) async throws -> (UInt, [String: Any]) {
    let urls = options.urls
    var request = HTTPClientRequest(url: urls[server % urls.count] + path)
    request.method = method
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let body {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: body))))
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let response = try await client.execute(request, timeout: .seconds(30))
    let bytes = try await response.body.collect(upTo: 1 << 20)
    await recorder.record(step, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any]) ?? [:]
    return (response.status.code, json)
}

func expect(_ ok: Bool, _ message: @autoclosure () -> String) throws {
    if !ok { throw BenchError(description: message()) }
}

func token(_ user: String) async throws -> String {
    let (status, json) = try await call(.POST, "/api/v1/auth/token", token: nil, body: ["username": user, "password": "demo-\(user)"], step: "auth")
    try expect(status == 200, "sign-in of \(user) failed (\(status)); is the server running with --demo?")
    return json["token"] as? String ?? ""
}

/// One complete flow; the premium of n items of 10,000,000 rials is n × 100,000 (1 %, n < 50).
func flow(_ i: Int, issuer: String, accountant: String, customerID: String) async throws {
    let n = 1 + i % 5
    let items = (0..<n).map { ["description": "رایانه \($0)", "value": 10_000_000] as [String: Any] }
    let (s1, quote) = try await call(.POST, "/api/v1/quotes", token: issuer,
        body: ["product": "computer", "customerId": customerID, "date": "1405/01/10", "inputs": ["items": items]], step: "quote", server: i)
    try expect(s1 == 201 && quote["total"] as? Int == n * 100_000, "quote \(i): \(s1) \(quote)")
    let (s2, policy) = try await call(.POST, "/api/v1/policies", token: issuer,
        body: ["quoteId": quote["id"] as? String ?? "", "customerId": customerID, "startDate": "1405/01/15", "endDate": "1406/01/15",
               "payment": ["plan": "cash"]], step: "policy", server: i + 1)
    try expect(s2 == 201 && policy["premium"] as? Int == n * 100_000, "policy \(i): \(s2) \(policy)")
    let policyID = policy["id"] as? String ?? ""
    let (s3, cheque) = try await call(.POST, "/api/v1/policies/\(policyID)/payments", token: issuer,
        body: ["method": "cheque", "amount": n * 100_000, "paidOn": "1405/01/10", "cheque": ["number": "\(i)", "bank": "ملی", "dueDate": "1405/01/10"]],
        step: "cheque", server: i + 2)
    try expect(s3 == 201 && cheque["status"] as? String == "held" && cheque["receiptNumber"] != nil, "cheque \(i): \(s3) \(cheque)")
    let (s4, collected) = try await call(.POST, "/api/v1/payments/\(cheque["id"] as? String ?? "")/collect", token: accountant, body: nil, step: "collect", server: i + 3)
    try expect(s4 == 200 && collected["status"] as? String == "collected", "collect \(i): \(s4) \(collected)")
    let (s5, issued) = try await call(.POST, "/api/v1/policies/\(policyID)/issue", token: issuer, body: nil, step: "issue", server: i + 4)
    try expect(s5 == 200 && issued["status"] as? String == "issued" && issued["number"] is String, "issue \(i): \(s5) \(issued)")
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

do {
    let issuer = try await token("issuer"), accountant = try await token("accountant")
    let (status, found) = try await call(.GET, "/api/v1/customers?q=0076229645", token: issuer, body: nil, step: "setup")
    guard status == 200, let customerID = (found["items"] as? [[String: Any]])?.first?["id"] as? String else {
        throw BenchError(description: "demo customer 0076229645 not found (\(status))")
    }
    let started = Date()
    let counter = Counter()
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<options.concurrency {
            group.addTask {
                while let i = await counter.next(limit: options.flows) {
                    do { try await flow(i, issuer: issuer, accountant: accountant, customerID: customerID) } catch {
                        await recorder.fail("\(error)")
                    }
                }
            }
        }
    }
    let elapsed = Date().timeIntervalSince(started)
    let failures = await recorder.failures
    let latencies = await recorder.latencies
    print("servers: \(options.urls.count), flows: \(options.flows), concurrency: \(options.concurrency), elapsed: \(String(format: "%.2f", elapsed)) s")
    print("complete flows/s: \(String(format: "%.1f", Double(options.flows - failures.count) / elapsed))")
    for step in ["quote", "policy", "cheque", "collect", "issue"] {
        let values = latencies[step] ?? []
        print("  \(step.padding(toLength: 8, withPad: " ", startingAt: 0)) n=\(values.count) p50=\(String(format: "%.2f", percentile(values, 0.5) * 1000)) ms p99=\(String(format: "%.2f", percentile(values, 0.99) * 1000)) ms")
    }
    print("failed flows: \(failures.count)")
    for failure in failures { print("  \(failure)") }
    try await client.shutdown().get()
    exit(failures.isEmpty ? 0 : 1)
} catch {
    print("bimeh-bench: \(error)")
    exit(2)
}

actor Counter {
    var value = 0
    func next(limit: Int) -> Int? {
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
