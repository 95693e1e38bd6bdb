@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Every audit action the server writes has a Persian name (ActionNames), so the audit trail
/// never shows a machine code: found by scanning the sources, and by the codes a run wrote.
@Suite("Persian names of audit actions")
struct ActionNamesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/BimehServer")

    /// `audit("x"`, `Entry("x"`, `action: "x"` of a report step, and `"sms.sent" : "sms.failed"`.
    static func literalCodes() throws -> (fixed: Set<String>, built: [String]) {
        let pattern = try NSRegularExpression(pattern: #"(?:\.audit\(|AuditTrail\.Entry\(|change\(in: work, action:)\s*"((?:[^"\\]|\\\([^)]*\))*)""#)
        let ternary = try NSRegularExpression(pattern: #"\.audit\(\s*[a-z]+ == \.[a-z]+ \? "([a-z.\-]+)" : "([a-z.\-]+)""#)
        var fixed = Set<String>(), built: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 100, "the sources were not found at \(sources.path)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for m in pattern.matches(in: text, range: range) {
                let code = String(text[Range(m.range(at: 1), in: text)!])
                if code.contains("\\(") { built.append(code) } else { fixed.insert(code) }
            }
            for m in ternary.matches(in: text, range: range) {
                for i in 1...2 { fixed.insert(String(text[Range(m.range(at: i), in: text)!])) }
            }
        }
        return (fixed, built)
    }

    @Test("R-G-07 every action code written in the sources has a Persian name; codes built from values are named for every value")
    func everyCodeNamed() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let products = app.bimeh.products
            let (fixed, built) = try Self.literalCodes()
            #expect(fixed.contains("policy.issued") && fixed.contains("sms.sent") && fixed.contains("user.disabled"))
            let unnamed = fixed.filter { ActionNames.name($0, products: products) == nil }
            #expect(unnamed.isEmpty, "audit actions without a Persian name: \(unnamed.sorted())")
            // the built codes: the known patterns, each value named
            #expect(Set(built) == ["auth.\\(kind.rawValue)-token-issued", "claim.\\(to.rawValue)", "claim.entry.\\(kind.rawValue)",
                                   "payment.\\(verdict == .collect ? \"collected\" : \"bounced\")"], "a new built code needs its names: \(built)")
            let values = ["auth.web-token-issued", "auth.api-token-issued", "payment.collected", "payment.bounced"]
                + ClaimState.allCases.map { "claim.\($0.rawValue)" }
                + ["inspection-scheduled", "inspection-approved", "visit-minutes", "meeting", "letter", "expert-fee", "late-notice"].map { "claim.entry.\($0)" }
            #expect(values.filter { ActionNames.name($0, products: products) == nil }.isEmpty)
            #expect(ActionNames.name(RowSeals.action, products: products) != nil)
            #expect(ActionNames.title("auth.web-token-issued", products: products) == "ورود به سامانه")
        }
    }

    @Test("every action a demo day wrote (sales, claims, sign-ins, SMS) has a Persian name")
    func writtenCodesNamed() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/09").json["id"] as? String)
            _ = try await flow.post(claimID, "document-request")
            let codes = try await AuditRecord.query(on: app.db).all().map(\.action)
            let unnamed = Set(codes).filter { ActionNames.name($0, products: app.bimeh.products) == nil }
            #expect(unnamed.isEmpty, "written without a Persian name: \(unnamed.sorted())")
        }
    }
}
