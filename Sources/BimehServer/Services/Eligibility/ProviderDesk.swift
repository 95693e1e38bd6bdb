import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The provider's three actions (R-EL-05): inquire a person's cover, issue the HID of a visit, and
/// verify an HID at the pharmacy. One command each, called by the API and the provider's page.
enum ProviderDesk {
    typealias Inquiry = EligibilityController.Inquiry
    typealias VisitView = EligibilityController.VisitView
    typealias VerificationView = EligibilityController.VerificationView

    /// A national code or foreign ID; 422 in Persian (field `nationalCode`) when it is neither.
    static func person(_ text: String?) throws -> PersonIdentifier {
        do { return try PersonIdentifier(text ?? "") } catch let error as DomainError {
            throw AppError.validation(error, field: "nationalCode")
        }
    }

    /// An HID as typed (grouped or not); 422 in Persian (field `hid`) when malformed.
    static func hid(_ text: String?) throws -> HealthID {
        do { return try HealthID(parsing: text ?? "") } catch let error as DomainError {
            throw AppError.validation(error, field: "hid")
        }
    }

    static func inquire(_ person: PersonIdentifier, req: Request) async throws -> Inquiry {
        Inquiry(person, try await req.eligibility(of: person))
    }

    static func issueHID(for person: PersonIdentifier, provider: UUID, today: JalaliDate, validDays: Int,
                         reader: any EntitlementReader, in work: UnitOfWork) async throws -> VisitView {
        let finding = try await EntitlementStore.inquire(person, on: today, reader: reader, db: work.db)
        let issued = try await VisitDesk.issue(for: person, covered: finding.answer.covered, provider: provider, in: work)
        return VisitView(hid: issued.hid.value, hidGrouped: issued.hid.grouped, issuedAt: issued.issuedAt,
                         validUntil: HealthID.validUntil(issuedAt: issued.issuedAt, validDays: validDays), inquiry: Inquiry(person, finding))
    }

    static func verifyHID(_ hid: HealthID, person: PersonIdentifier, verifier: UUID, validDays: Int,
                          in work: UnitOfWork) async throws -> VerificationView {
        let verified = try await VisitDesk.verify(hid, person: person, verifier: verifier, validDays: validDays, in: work)
        return VerificationView(valid: true, hid: verified.hid.value, issuedAt: verified.issuedAt, validUntil: verified.validUntil,
                                issuedBy: verified.issuedBy, verifications: verified.verifications)
    }
}
