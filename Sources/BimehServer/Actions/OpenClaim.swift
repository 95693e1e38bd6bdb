import Foundation
import InsuranceKit

/// A loss notice (R-CL-01…04): the fields both doors read alike. The API names the policy by id,
/// the page by its printed number; each door finds it, then hands it here.
struct OpenClaim: Sendable {
    struct Input: Sendable {
        var lossDate: String?
        var noticeDate: String?
        var description: String?
        var kind: String?
        var claimKnownDate: String?
        var conditions: [String]?
        var facts = ClaimFacts()
    }

    struct Fields: Sendable {
        var lossDate: JalaliDate
        var noticeDate: JalaliDate
        var description: String
        /// Nil when the notice names none: the product's default case.
        var claimCase: ClaimCase?
        var claimKnownDate: JalaliDate?
        var conditions: [String]
        var facts: ClaimFacts

        func request(policyID: UUID) -> NoticeDesk.Request {
            NoticeDesk.Request(policyID: policyID, lossDate: lossDate, noticeDate: noticeDate, description: description, claimCase: claimCase,
                               claimKnownDate: claimKnownDate, conditions: conditions, facts: facts)
        }
    }

    /// Reads the input into `reader`, so that a door can add its own policy field's problem and
    /// report all at once; nil when something is wrong. `known`: the cases some product knows.
    static func read(_ input: Input, known: [ClaimCase], into reader: inout FieldReader) -> Fields? {
        let loss = reader.date(input.lossDate, "lossDate"), notice = reader.date(input.noticeDate, "noticeDate")
        let description = reader.text(input.description, "description", max: 2000)
        let claimKnown = input.claimKnownDate.flatMap { $0.isEmpty ? nil : reader.date($0, "claimKnownDate") }
        let named = input.kind.flatMap { $0.isEmpty ? nil : ClaimCase(rawValue: $0) }
        if let named, !known.contains(named) {
            reader.add("kind", "invalid-kind", "نوع خسارت باید یکی از " + known.map(\.rawValue).joined(separator: "، ") + " باشد.")
        }
        let claimCase = named.flatMap { known.contains($0) ? $0 : nil }
        guard let loss, let notice, let description, named == nil || claimCase != nil else { return nil }
        return Fields(lossDate: loss, noticeDate: notice, description: description, claimCase: claimCase, claimKnownDate: claimKnown,
                      conditions: input.conditions ?? [], facts: input.facts)
    }
}
