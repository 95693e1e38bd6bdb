import Foundation

/// R-SH-10, R-P-07: persons added to or removed from a health policy by endorsement, as
/// `changes: {addPersons: [person…]}` and/or `{removePersons: [nationalCode…]}`. The result is the
/// policy's inputs with the new person list (the persons kept, in their order, then the added
/// ones), re-priced by the endorsement engine like any change. Removing a main member removes the
/// dependants who joined through them (CHOSEN: a dependant is insured as a member's family and has
/// no ground of their own to stay). Other members of `changes` replace the policy's as usual.
public enum HealthPersonChanges: Sendable {
    public struct Outcome: Sendable {
        /// The new inputs (sorted keys), still to be validated and priced by the quote.
        public let inputs: Data
        /// How many of the policy's persons were kept (they come first in the new list).
        public let kept: Int
        /// Every national code removed, the dependants a removed member took with them included.
        public let removed: [String]
        public let removalsAsked: Bool

        /// A problem the quote finds in the new list, named where the caller wrote it: an added
        /// person at `changes.addPersons[i]`, a rule of the whole list (the group's size) at
        /// `changes.removePersons` when persons were removed.
        public func field(_ field: String) -> String {
            let prefix = "inputs.persons"
            if field == prefix { return removalsAsked ? "changes.removePersons" : "changes.addPersons" }
            guard field.hasPrefix(prefix + "["), let close = field.firstIndex(of: "]"),
                  let index = Int(field[field.index(field.startIndex, offsetBy: prefix.count + 1)..<close]), index >= kept else { return field }
            return "changes.addPersons[\(index - kept)]" + String(field[field.index(after: close)...])
        }
    }

    public static let addKey = "addPersons"
    public static let removeKey = "removePersons"

    /// nil when `changes` names neither member (the generic merge applies).
    public static func apply(current: Data, changes: Data) throws -> Outcome? {
        guard var base = try? JSONSerialization.jsonObject(with: current) as? [String: Any],
              let patch = try? JSONSerialization.jsonObject(with: changes) as? [String: Any] else { return nil }
        guard patch[addKey] != nil || patch[removeKey] != nil else { return nil }
        var reader = InputReader()
        if patch["persons"] != nil {
            reader.fail("conflicting-changes", "فهرست کامل بیمه‌شدگان (persons) با افزودن یا حذف (addPersons، removePersons) با هم نمی‌آید.", at: "changes.persons")
        }
        let stored = try JSONDecoder().decode(HealthInputs.self, from: current).persons
        let rows = (base["persons"] as? [[String: Any]]) ?? []
        // removals: national codes of listed persons, normalized as everywhere
        var asked: [String] = []
        if let raw = patch[removeKey] {
            if let list = raw as? [Any] {
                for (i, item) in list.enumerated() {
                    guard let text = item as? String, let code = try? NationalCode(text).value else {
                        reader.fail("invalid-national-code", "کد ملی معتبر نیست.", at: "changes.removePersons[\(i)]")
                        continue
                    }
                    if !stored.contains(where: { $0.nationalCode == code }) {
                        reader.fail("person-not-insured", "کد ملی \(Normalize.persianDigits(code)) در فهرست بیمه‌شدگان این بیمه‌نامه نیست.",
                                    at: "changes.removePersons[\(i)]")
                    }
                    asked.append(code)
                }
            } else {
                reader.fail("invalid-type", "removePersons باید فهرستی از کدهای ملی باشد.", at: "changes.removePersons")
            }
        }
        var added: [Any] = []
        if let raw = patch[addKey] {
            if let list = raw as? [Any], list.allSatisfy({ $0 is [String: Any] }) { added = list } else {
                reader.fail("invalid-type", "addPersons باید فهرستی از بیمه‌شدگان باشد.", at: "changes.addPersons")
            }
        }
        try reader.finish()
        let removed = Set(asked).union(dependants(of: Set(asked), in: stored))
        let keptRows = zip(stored, rows).filter { !removed.contains($0.0.nationalCode) }.map(\.1)
        for (key, value) in patch where key != addKey && key != removeKey { base[key] = value }
        base["persons"] = (keptRows as [Any]) + added
        return Outcome(inputs: try JSONSerialization.data(withJSONObject: base, options: [.sortedKeys]), kept: keptRows.count,
                       removed: stored.map(\.nationalCode).filter(removed.contains), removalsAsked: !asked.isEmpty)
    }

    /// The dependants of the given main members: those naming one of them in `mainNationalCode`,
    /// or, naming none, following one of them as the nearest main person before them.
    public static func dependants(of mains: Set<String>, in persons: [HealthPerson]) -> Set<String> {
        var found = Set<String>()
        var current: String?
        for person in persons {
            if person.relation == .main {
                current = person.nationalCode
            } else if let owner = person.mainNationalCode ?? current, mains.contains(owner) {
                found.insert(person.nationalCode)
            }
        }
        return found
    }
}
