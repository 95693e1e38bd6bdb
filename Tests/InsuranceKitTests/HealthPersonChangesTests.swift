import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-SH-10 persons added and removed by endorsement; T-SH as a checked file")
struct HealthPersonChangesTests {
    static func person(_ code: String, _ relation: String, main: String? = nil) -> [String: Any] {
        var p: [String: Any] = ["nationalCode": code, "birthDate": "1365/05/01", "sex": "female", "relation": relation]
        if let main { p["mainNationalCode"] = main }
        return p
    }

    // member A with his wife (naming him), member B with a child following him (naming no one)
    static let current = try! JSONSerialization.data(withJSONObject: [
        "plan": "silver", "kind": "group", "hasBaseInsurance": true, "optionalCovers": [String](),
        "persons": [person("0076229645", "main"), person("0036271217", "spouse", main: "0076229645"),
                    person("1583250689", "main"), person("0012345679", "child")],
    ], options: [.sortedKeys])

    func persons(_ data: Data) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return ((object["persons"] as? [[String: Any]]) ?? []).compactMap { $0["nationalCode"] as? String }
    }

    @Test("R-SH-10 removing a main member removes his dependants (named or following him); the added come after the kept")
    func cascade() throws {
        let changes = try JSONSerialization.data(withJSONObject: ["removePersons": ["1583250689"], "addPersons": [Self.person("4455660011", "main")]])
        let outcome = try #require(try HealthPersonChanges.apply(current: Self.current, changes: changes))
        #expect(outcome.removed == ["1583250689", "0012345679"])
        #expect(try persons(outcome.inputs) == ["0076229645", "0036271217", "4455660011"])
        #expect(outcome.kept == 2)
        // the quote names the list's third person (the first added) inputs.persons[2]: the caller wrote it as addPersons[0]
        #expect(outcome.field("inputs.persons[2].birthDate") == "changes.addPersons[0].birthDate")
        #expect(outcome.field("inputs.persons[1].birthDate") == "inputs.persons[1].birthDate")
        #expect(outcome.field("inputs.persons") == "changes.removePersons")
        // the wife names her member: removing him takes her too
        let first = try #require(try HealthPersonChanges.apply(current: Self.current, changes: Data(#"{"removePersons":["0076229645"]}"#.utf8)))
        #expect(first.removed == ["0076229645", "0036271217"])
        // a change naming neither member is the generic merge's
        #expect(try HealthPersonChanges.apply(current: Self.current, changes: Data(#"{"plan":"gold"}"#.utf8)) == nil)
    }

    @Test("R-SH-10 a removal of someone not listed, a bad code, the full list beside a change: every problem named")
    func refusals() throws {
        let changes = Data(#"{"removePersons":["4455660089","123"],"persons":[],"addPersons":{}}"#.utf8)
        do {
            _ = try HealthPersonChanges.apply(current: Self.current, changes: changes)
            Issue.record("accepted")
        } catch let failure as ValidationFailure {
            #expect(Set(failure.errors.map { "\($0.field ?? ""):\($0.code)" }) == [
                "changes.persons:conflicting-changes", "changes.removePersons[0]:person-not-insured",
                "changes.removePersons[1]:invalid-national-code", "changes.addPersons:invalid-type"])
        }
    }

    @Test("T-SH file: the sample validates and round-trips; a gap in the age bands, a zero price, a cover defined two ways are refused")
    func tariffValidation() throws {
        let sample = try HealthTariff.forYear(1405)
        try sample.validate()
        let read = try HealthTariff.book.read(try HealthTariff.book.export(sample))
        #expect(read == sample)
        func refused(_ tariff: HealthTariff) -> String? {
            do { try tariff.validate(); return nil } catch let error as DomainError { return error.field } catch { return "?" }
        }
        func with(plans: [HealthPlan]? = nil, bands: [HealthAgeBand]? = nil) -> HealthTariff {
            HealthTariff(year: 1405, isSample: true, plans: plans ?? sample.plans, ageBands: bands ?? sample.ageBands, groupShare: sample.groupShare,
                         noBaseInsuranceSurcharge: sample.noBaseInsuranceSurcharge, optionalCoverShare: sample.optionalCoverShare,
                         minimumGroupMembers: sample.minimumGroupMembers)
        }
        #expect(refused(with(bands: [HealthAgeBand(ages: 0...15, factor: Percent(50)), HealthAgeBand(ages: 17...80, factor: Percent(100))]))
                == "tariffs.supplementary-health.ageBands")
        let basic = sample.plans[0]
        let free = HealthPlan(code: "basic", title: basic.title, price: .zero, franchise: basic.franchise,
                              allowsWithoutBaseInsurance: true, covers: basic.covers)
        #expect(refused(with(plans: [free] + sample.plans.dropFirst())) == "tariffs.supplementary-health.plans")
        // hospitalization without an introduction in basic, with one in silver and gold
        let loose = HealthPlan(code: "basic", title: basic.title, price: basic.price, franchise: basic.franchise, allowsWithoutBaseInsurance: true,
                               covers: basic.covers.map { HealthCover(code: $0.code, title: $0.title, ceiling: $0.ceiling, needsIntroduction: false) })
        #expect(refused(with(plans: [loose] + sample.plans.dropFirst())) == "tariffs.supplementary-health.plans")
        // not a tariff at all
        #expect(throws: DomainError.self) { try HealthTariff.book.read(Data(#"{"year":1405}"#.utf8)) }
    }
}
