import Fluent
import Foundation
import InsuranceKit

/// Provider visits and their HIDs (R-EL-05): a provider who finds a person covered gets an HID for
/// the visit; a pharmacy or paraclinic later presents the person's code with that HID, which must
/// have been issued to that person and recently.
enum VisitDesk {
    struct Issued: Sendable {
        var hid: HealthID
        var issuedAt: Date
    }

    static let notCovered = AppError(.unprocessableEntity, code: "not-covered",
                                     detail: EligibilityAnswer.notCoveredMessage + "؛ برای این مراجعه کد رهگیری صادر نمی‌شود.")
    /// The same answer for an HID that does not exist and one issued to someone else: a caller
    /// cannot learn whose an HID is.
    static let notFound = AppError(.notFound, code: "hid-not-found", detail: "این کد رهگیری (HID) برای این شخص صادر نشده است.")

    static func issue(for person: PersonIdentifier, covered: Bool, provider: UUID, in work: UnitOfWork) async throws -> Issued {
        guard covered else { throw notCovered }
        var generator = SystemRandomNumberGenerator()
        let hid = HealthID.generate(using: &generator)
        let visit = ProviderVisit()
        visit.hid = hid.value
        visit.person = person.key
        visit.$provider.id = provider
        visit.issuedAt = work.now
        try await visit.create(on: work.db)
        try await work.audit("visit.hid-issued", entity: "provider-visit", id: try visit.requireID().uuidString,
                             after: ["person": person.key, "hid": hid.value])
        return Issued(hid: hid, issuedAt: work.now)
    }

    struct Verified: Sendable {
        var hid: HealthID
        var issuedAt: Date
        var validUntil: Date
        var issuedBy: String
        var verifications: Int
    }

    static func verify(_ hid: HealthID, person: PersonIdentifier, verifier: UUID, validDays: Int, in work: UnitOfWork) async throws -> Verified {
        guard let visit = try await ProviderVisit.query(on: work.db).filter(\.$hid == hid.value).with(\.$provider).first(),
              visit.person == person.key else { throw notFound }
        let validUntil = HealthID.validUntil(issuedAt: visit.issuedAt, validDays: validDays)
        guard work.now <= validUntil else {
            throw AppError(.unprocessableEntity, code: "hid-expired",
                           detail: "اعتبار این کد رهگیری (\(validDays) روز از مراجعه) به پایان رسیده است؛ مراجعهٔ تازه لازم است.")
        }
        let check = VisitVerification()
        check.$visit.id = try visit.requireID()
        check.$verifier.id = verifier
        check.verifiedAt = work.now
        try await check.create(on: work.db)
        try await work.audit("visit.hid-verified", entity: "provider-visit", id: try visit.requireID().uuidString,
                             after: ["person": person.key, "hid": hid.value])
        let count = try await VisitVerification.query(on: work.db).filter(\.$visit.$id == visit.requireID()).count()
        return Verified(hid: hid, issuedAt: visit.issuedAt, validUntil: validUntil, issuedBy: visit.provider.displayName, verifications: count)
    }
}
