import Fluent
import Foundation
import InsuranceKit

/// The secretariat register (R-G-06): every letter in or out takes the next number of its year.
enum LetterBook {
    static func register(_ direction: Letter.Direction, subject: String, correspondent: String, userID: UUID?, in work: UnitOfWork) async throws -> Letter {
        let today = JalaliDate(date: work.now)
        let letter = Letter()
        letter.year = today.year
        letter.number = try await work.nextNumber(.secretariat, year: today.year)
        letter.direction = direction
        letter.subject = String(subject.prefix(300))
        letter.correspondent = String(correspondent.prefix(200))
        letter.letterDate = today.description
        letter.$createdBy.id = userID
        try await letter.create(on: work.db)
        try await work.audit("letter.registered", entity: "letter", id: try letter.requireID().uuidString,
                             after: ["number": letter.registerNumber, "direction": direction.rawValue, "subject": letter.subject])
        return letter
    }
}
