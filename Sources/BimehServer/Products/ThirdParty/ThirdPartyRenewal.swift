import Fluent
import Foundation
import InsuranceKit

/// Renewing a third-party policy (R-P-09, R-TP-02, R-TP-06, R-TP-08): bought on the purchase day
/// (today), from the day the old policy ended or later, with the discount history the old term
/// left (its paid claims) and the lapse priced from the old end date. Like any third-party
/// policy it is issued only with a verified licence, and its cover starts the next day.
enum ThirdPartyRenewal {
    static func next(after old: Policy, today: JalaliDate, on db: any Database) async throws -> (start: JalaliDate, inputs: Data) {
        let end = try JalaliDate(parsing: old.endDate)
        // CHOSEN: not before the end day. Cover runs from 00:00 of the day after purchase (R-TP-03),
        // so renewing on the end day continues it without a gap or an overlap.
        guard today >= end else {
            throw AppError.conflict("renewal-too-early",
                                    "بیمه‌نامهٔ شخص ثالث از روز پایان آن (\(Normalize.persianDigits(old.endDate))) به بعد تمدید می‌شود؛ پوشش تازه از ساعت ۲۴ روز خرید شروع می‌شود.")
        }
        let inputs = try JSONDecoder().decode(ThirdPartyInputs.self, from: Data(old.inputs.utf8))
        let paid = try await Claim.query(on: db).filter(\.$policy.$id == old.requireID()).filter(\.$paidOn != nil).all()
        let financial = paid.filter { $0.claimCase == .financial }.count
        let bodily = paid.filter { $0.claimCase.isPricedInDiya }.count
        let renewed = inputs.renewed(on: today, previousEnd: end, financialClaimsPaid: financial, bodilyClaimsPaid: bodily)
        return (today, try JSONEncoder().encode(renewed))
    }
}
