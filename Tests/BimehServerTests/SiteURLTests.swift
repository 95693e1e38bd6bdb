@testable import BimehServer
import Foundation
import Testing
import VaporTesting

/// One route type: every registered route is a `SiteURL`, every `SiteURL` is registered, the API's
/// ones are exactly the OpenAPI document's paths, and no template writes a path of its own.
@Suite("Routes come from SiteURL")
struct SiteURLTests {
    static func registered(_ app: Application) -> Set<String> {
        Set(app.routes.all.map { route in
            "/" + route.path.map { component -> String in
                switch component {
                case .parameter(let name): "{\(name)}"
                default: component.description
                }
            }.joined(separator: "/")
        })
    }

    @Test("registered routes and SiteURL.all are the same set of paths; the API's are the OpenAPI paths")
    func sameRoutes() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let templates = Set(SiteURL.all.map(\.template))
            let routes = Self.registered(app)
            #expect(routes.subtracting(templates).isEmpty, "registered without a SiteURL: \(routes.subtracting(templates).sorted())")
            #expect(templates.subtracting(routes).isEmpty, "SiteURL never registered: \(templates.subtracting(routes).sorted())")
            let documented = Set(APIDocument.operations.map(\.path))
            let api = templates.filter { $0.hasPrefix("/api/") }
            #expect(api == documented, "only in SiteURL: \(api.subtracting(documented).sorted()); only in OpenAPI: \(documented.subtracting(api).sorted())")
        }
    }

    @Test("a link fills the parameters a route names")
    func links() throws {
        let id = try #require(UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301"))
        #expect(SiteURL.policyStep(.value(id), .print).path == "/policies/3F2504E0-4F89-11D3-9A0C-0305E82C3301/print")
        #expect(SiteURL.policyStep(.key, .print).template == "/policies/{id}/print")
        #expect(SiteURL.api(.claimStep(.value(id), .inspectionApproval)).path == "/api/v1/claims/3F2504E0-4F89-11D3-9A0C-0305E82C3301/inspection/approval")
        #expect(SiteURL.home.path == "/")
    }

    @Test("no template writes a path: every href and action comes from the page's context")
    func templatesHoldNoPaths() throws {
        let views = URL(fileURLWithPath: Resources.viewsDirectory)
        let files = try #require(FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "leaf" }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let literal = try Regex(#"(href|action|src)="/"#)
            #expect(text.firstMatch(of: literal) == nil, "\(file.lastPathComponent) writes a path")
            let concatenated = try Regex(##"(href|action)="#\([a-zA-Z.]+\)/"##)
            #expect(text.firstMatch(of: concatenated) == nil, "\(file.lastPathComponent) builds a path by concatenation")
        }
    }
}
