import Foundation
import Testing
@testable import InsuranceKit

@Suite("Synthetic entitlements")
struct EligibilitySyntheticTests {
    static let today = try! JalaliDate(year: 1404, month: 5, day: 10)

    @Test("SplitMix64 matches the reference output for seed 0")
    func splitMix() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("exact count; valid, strictly increasing codes spread over the whole range")
    func codes() throws {
        let rows = Array(SyntheticEntitlements(persons: 20_000, seed: 7, today: Self.today))
        #expect(rows.count == 20_000)
        var previous = ""
        for row in rows {
            #expect(NationalCode.isValid(row.person.key))
            #expect(row.person.key > previous)
            previous = row.person.key
        }
        // 20,000 slots of 49,999 prefixes each: the first code starts below 0000500000, the last
        // above 9999000000.
        #expect(rows.first!.person.key < "0000500000")
        #expect(rows.last!.person.key > "9999000000")
        #expect(Array(SyntheticEntitlements(persons: 0, seed: 7, today: Self.today)).isEmpty)
        #expect(Array(SyntheticEntitlements(persons: -3, seed: 7, today: Self.today)).isEmpty)
    }

    @Test("families: a main insured then 0–4 dependants sharing the insurance number prefix")
    func families() throws {
        let rows = Array(SyntheticEntitlements(persons: 20_000, seed: 11, today: Self.today))
        #expect(rows.first?.relation == .main)
        var main: Entitlement?
        var dependants = 0
        var sizes = [Int](repeating: 0, count: 5)
        for row in rows {
            #expect(SyntheticEntitlements.plans.contains(row.plan))
            #expect(row.validFrom == nil)
            if row.relation == .main {
                if main != nil { sizes[dependants] += 1 }
                main = row
                dependants = 0
                #expect(row.insuranceNumber.utf8.count == 8)
                continue
            }
            dependants += 1
            let head = try #require(main)
            #expect([.spouse, .child, .parent].contains(row.relation))
            #expect(row.insuranceNumber == head.insuranceNumber + "-0\(dependants)")
            #expect(row.plan == head.plan && row.validTo == head.validTo)
            #expect(dependants <= 4)
        }
        #expect(sizes.allSatisfy { $0 > 0 })   // every family size occurs
    }

    @Test("~10 % expired (within a year), the rest end within two years of today")
    func validity() {
        let rows = Array(SyntheticEntitlements(persons: 50_000, seed: 3, today: Self.today))
        let mains = rows.filter { $0.relation == .main }
        let expired = mains.filter { $0.validTo < Self.today }
        let share = Double(expired.count) / Double(mains.count)
        #expect(share > 0.07 && share < 0.13)
        for row in rows {
            let days = Self.today.days(to: row.validTo)
            #expect((-365...730).contains(days) && days != 0)
        }
    }

    @Test("deterministic for a seed, different across seeds")
    func determinism() {
        let a = Array(SyntheticEntitlements(persons: 1_000, seed: 99, today: Self.today))
        let b = Array(SyntheticEntitlements(persons: 1_000, seed: 99, today: Self.today))
        let c = Array(SyntheticEntitlements(persons: 1_000, seed: 100, today: Self.today))
        #expect(a == b)
        #expect(a != c)
    }

    @Test("csvLine round-trips through EntitlementCSV.parseRow")
    func roundTrip() throws {
        for e in SyntheticEntitlements(persons: 2_000, seed: 5, today: Self.today) {
            let line = SyntheticEntitlements.csvLine(e)
            #expect(try EntitlementCSV.parseRow(line[...], lineNumber: 2).get() == e)
        }
        let odd = Entitlement(person: try PersonIdentifier("123456789012"), insuranceNumber: "A/1-2",
                              validTo: try JalaliDate(year: 1405, month: 12, day: 29), relation: .other,
                              plan: "طرح \"ویژه\", گروه B")
        let line = SyntheticEntitlements.csvLine(odd)
        #expect(line == "123456789012,A/1-2,1405/12/29,other,\"طرح \"\"ویژه\"\", گروه B\"")
        #expect(try EntitlementCSV.parseRow(line[...], lineNumber: 2).get() == odd)
    }

    @Test("volume: 500,000 rows, every national code valid and strictly increasing")
    func volume() throws {
        var count = 0, previous = "", bad = 0
        for e in SyntheticEntitlements(persons: 500_000, seed: 1, today: Self.today) {
            count += 1
            if e.person.key <= previous || !NationalCode.isValid(e.person.key) { bad += 1 }
            previous = e.person.key
        }
        #expect(count == 500_000)
        #expect(bad == 0)
    }
}
