@testable import BimehServer
import Foundation
import Testing
import VaporTesting

/// Whole pages rendered from fixed data and compared with the HTML stored beside this file, so
/// that a template change shows as a diff. `BIMEH_RECORD_SNAPSHOTS=1 swift test --filter
/// PageSnapshot` writes them anew; review the diff before committing.
@Suite("Page snapshots: each role's main page")
struct PageSnapshotTests {
    typealias Browser = WebPageTests.Browser

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// What differs between runs: identifiers, secrets and instants.
    static func normalized(_ html: String) -> String {
        var text = html
        let rules: [(String, String)] = [
            ("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", "<uuid>"),
            ("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"<csrf>\""),
            ("name=\"_once\" value=\"[^\"]*\"", "name=\"_once\" value=\"<once>\""),
            ("nonce=\"[^\"]*\"", "nonce=\"<nonce>\""),
            ("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?", "<instant>"),
            // an instant as pages show it (PageTime): the Jalali day and the Tehran hour, Persian digits
            ("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}", "<instant>"),
            // the time of day of a Tehran timestamp («۱۴۰۵/۰۱/۱۰ ۰۹:۰۵»): the demo day is fixed, the hour is not
            ("[۰-۹]{2}:[۰-۹]{2}", "<time>"),
            // a policy's unique code and the tests' cheque numbers are random
            ("\\b[A-HJ-NP-Z2-9]{16}\\b", "<unique-code>"),
            ("CHQ-?[0-9A-F۰-۹]{8}", "CHQ-<n>"),
        ]
        for (pattern, replacement) in rules {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    func check(_ name: String, _ html: String) throws {
        let file = Self.directory.appendingPathComponent(name + ".html")
        let page = Self.normalized(html)
        if ProcessInfo.processInfo.environment["BIMEH_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try page.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        if stored != page {
            let a = stored.split(separator: "\n", omittingEmptySubsequences: false), b = page.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                \(name).html differs from the rendered page at line \(line + 1):
                stored:   \(line < a.count ? String(a[line]) : "<end>")
                rendered: \(line < b.count ? String(b[line]) : "<end>")
                (BIMEH_RECORD_SNAPSHOTS=1 writes the rendered page)
                """)
        }
    }

    @Test("the main page of every role, on the demo data of 1405/01/10",
          arguments: ["admin", "issuer", "claims", "head", "accountant", "agent", "provider"])
    func dashboard(_ role: String) async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn(role)
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            try check("dashboard-\(role)", page.body.string)
        }
    }

    @Test("the sign-in page and the public eligibility page")
    func publicPages() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try check("login", try await browser.get("/login").body.string)
            try check("eligibility", try await browser.get("/eligibility").body.string)
        }
    }

    @Test("a group health policy's page (persons, remaining ceilings, the change form) and the public authenticity answer for it")
    func healthPolicyPages() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await HealthGroupChangeTests.issuedGroup(app, flow)
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            try check("policy-health-group", try await browser.get("/policies/\(policyID)").body.string)
            let code = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.uniqueCode)
            var visitor = Browser(app: app)
            try check("authenticity-health", try await visitor.get("/authenticity?code=\(code)").body.string)
        }
    }
}
