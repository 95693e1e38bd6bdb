@testable import BimehServer
import Foundation
import Testing

/// The byte scan that finds a body member for the products (quote `inputs`, endorsement `changes`).
@Suite("JSON member slices")
struct JSONMemberSliceTests {
    static func find(_ name: String, _ json: String) -> String?? {
        JSONMemberSlice.find(name, in: Array(json.utf8)).map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test("finds the member's exact bytes past strings with braces, escapes and nesting")
    func finds() {
        let body = #"{ "product" : "a}\"{b", "n": -1.5e3, "list": [1, {"x": "]"}], "inputs" : {"k": "v\\\"}", "a": [ {} ]} , "z": null }"#
        #expect(Self.find("inputs", body) == .some(#"{"k": "v\\\"}", "a": [ {} ]}"#))
        #expect(Self.find("n", body) == .some("-1.5e3"))
        #expect(Self.find("z", body) == .some("null"))
        #expect(Self.find("missing", body) == .some(nil))
        #expect(Self.find("inputs", "{}") == .some(nil))
    }

    @Test("anything unusual answers nil, so the caller uses the parsed tree")
    func fallsBack() {
        #expect(Self.find("inputs", #"{"inp\u0075ts": {}}"#) == nil)
        #expect(Self.find("inputs", "[1, 2]") == nil)
        #expect(Self.find("inputs", #"{"inputs": {"a": 1"#) == nil)
        #expect(Self.find("inputs", #"{"inputs": {"a": 1}, "inputs": {"a": 2}}"#) == nil)
    }
}
