@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Gapless registers (R-G-06)")
struct RegisterTests {
    @Test("R-G-06 100 concurrent letter registrations get numbers 1…100, no gap, no duplicate")
    func concurrentLetters() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let numbers = try await withThrowingTaskGroup(of: Int?.self) { group in
                for i in 0..<100 {
                    group.addTask {
                        let res = try await app.send(.POST, "/api/v1/letters", token: token,
                                                     json: ["direction": "incoming", "subject": "نامهٔ \(i)", "correspondent": "بیمه‌گذار"])
                        return res.status == .created ? res.json["number"] as? Int : nil
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(numbers.compactMap { $0 }.sorted() == Array(1...100))
            let stored = try await Letter.query(on: app.db).all().map(\.number).sorted()
            #expect(stored == Array(1...100))
        }
    }

    @Test("R-G-06 numbers restart per Jalali year and per register; a rolled-back number is reused")
    func perYearAndRollback() async throws {
        try await TestApp.run { app in
            let store = app.bimeh.store
            func take(_ register: RegisterName, _ year: Int) async throws -> Int {
                try await store.write(on: app.db, actor: .system("test"), requestID: nil) { try await $0.nextNumber(register, year: year) }
            }
            let first = try await take(.policy, 1405), second = try await take(.policy, 1405)
            let nextYear = try await take(.policy, 1406), otherRegister = try await take(.paymentOrder, 1405)
            let got: [Int] = [first, second, nextYear, otherRegister]
            #expect(got.elementsEqual([1, 2, 1, 1]))
            // a transaction that fails after taking a number leaves no gap
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await store.write(on: app.db, actor: .system("test"), requestID: nil) { work in
                    _ = try await work.nextNumber(.policy, year: 1405)
                    throw Boom()
                }
            }
            let afterRollback = try await take(.policy, 1405)
            #expect(afterRollback == 3)
        }
    }

    @Test("R-G-06 a letter's number is printed as year/number")
    func letterNumberFormat() async throws {
        try await TestApp.run { app in
            let token = try await app.token("claims")
            let res = try await app.send(.POST, "/api/v1/letters", token: token, json: ["direction": "outgoing", "subject": "پاسخ", "correspondent": "مشتری"])
            #expect(res.status == .created)
            #expect(res.json["registerNumber"] as? String == "1405/1")
            #expect(res.json["date"] as? String == "1405/01/10")
            let bad = try await app.send(.POST, "/api/v1/letters", token: token, json: ["direction": "sideways", "subject": "", "correspondent": "x"])
            #expect(bad.fieldCodes["direction"] == "invalid-direction")
            #expect(bad.fieldCodes["subject"] == "required")
        }
    }
}
