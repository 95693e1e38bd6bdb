import Fluent
import Foundation
import InsuranceKit

/// What the third-party line adds to the generic claim file (R-TP-10…12): the facts asked at
/// notice, the unlicensed-driver refusal, the inspection rule, losses priced in diya, and the
/// limits the settlement is capped by.
enum ThirdPartyClaimDesk {
    static let product = "third-party"

    /// The notice must say whether the at-fault driver had a licence, and for property damage
    /// whether there is a police sketch; other lines must not carry these facts.
    static func checkNoticeFacts(_ request: NoticeDesk.Request, product: String) throws {
        var reader = FieldReader()
        if product == Self.product {
            if request.atFaultLicensed == nil {
                reader.add("atFaultLicensed", "required", "بگویید رانندهٔ مقصر گواهینامهٔ رانندگی داشت یا نه (R-TP-11).")
            }
            if request.claimCase == .financial && request.policeSketch == nil {
                reader.add("policeSketch", "required", "بگویید کروکی پلیس برای این حادثه کشیده شده است یا نه (R-TP-12).")
            }
        } else {
            if request.atFaultLicensed != nil { reader.add("atFaultLicensed", "not-applicable", "این فیلد فقط برای خسارت بیمهٔ شخص ثالث است.") }
            if request.policeSketch != nil { reader.add("policeSketch", "not-applicable", "این فیلد فقط برای خسارت بیمهٔ شخص ثالث است.") }
        }
        try reader.throwIfAny()
    }

    /// R-TP-11: the refusal reason when the at-fault driver had no licence and the policy was
    /// issued after the licence rule; nil when the insurer is obliged.
    static func refusal(for claim: Claim, policy: Policy) throws -> String? {
        guard claim.product == Self.product, claim.atFaultLicensed == false else { return nil }
        let issued = try JalaliDate(parsing: policy.issueDate ?? policy.startDate)
        // The loss was checked to be inside the cover, so the policy was in force at the accident.
        let obliged = ThirdPartyClaims.atFaultUnlicensed(policyIssueDate: issued, licenceRuleStart: ThirdPartyClaims.licenceRuleStart,
                                                          policyInForce: true)
        return obliged ? nil : "رانندهٔ مقصر حادثه گواهینامهٔ رانندگی نداشت؛ بیمه‌گر تعهدی ندارد (R-TP-11)"
    }

    /// R-TP-12: property damage above 10,000,000 rials, or without a police sketch, is assessed
    /// only after the at-fault vehicle was inspected and the head approved the visit.
    static func checkInspection(_ claim: Claim, loss: Rial, on db: any Database) async throws {
        guard claim.product == Self.product, ClaimCase(rawValue: claim.claimCase) == .financial,
              ThirdPartyClaims.requiresInspection(financialClaim: loss, hasPoliceSketch: claim.policeSketch ?? false) else { return }
        let approved = try await ClaimEntry.query(on: db).filter(\.$claim.$id == claim.requireID())
            .filter(\.$kind == .inspectionApproved).count() > 0
        guard approved else {
            throw AppError.conflict("inspection-required",
                                    "خسارت مالی بیش از ۱۰٬۰۰۰٬۰۰۰ ریال یا بدون کروکی: پیش از برآورد، بازدید خودروی مقصر و تأیید رئیس اداره لازم است (R-TP-12).")
        }
    }

    /// R-TP-10: the loss of a bodily case from the forensic share of the diya.
    static func diyaLoss(_ claim: Claim, share: Percent, death: Bool) throws -> Rial {
        guard claim.product == Self.product, ClaimCase(rawValue: claim.claimCase)?.isPricedInDiya == true else {
            throw AppError.validation([FieldError(field: "diyaPercent", code: "not-applicable",
                                                  message: "سهم دیه فقط در خسارت بدنی، سرنشین یا حادثهٔ رانندهٔ بیمهٔ شخص ثالث معنا دارد.")])
        }
        return try QuoteController.translate {
            try ThirdPartyClaims.bodilyLoss(accidentDate: try JalaliDate(parsing: claim.lossDate), death: death, share: share)
        }
    }

    /// The cap of a settlement and whether earlier files of the policy count against it: the
    /// policy's sum insured for the other lines, `ThirdPartyClaims.settlementCap` for third party.
    static func limit(_ claim: Claim, policy: Policy) throws -> (cap: Rial, countsPreviousPayments: Bool) {
        guard claim.product == Self.product else { return (Rial(amount: policy.sumInsured), true) }
        let cap = try QuoteController.translate {
            try ThirdPartyClaims.settlementCap(for: ClaimCase(rawValue: claim.claimCase) ?? .financial,
                                               accidentDate: try JalaliDate(parsing: claim.lossDate),
                                               financialCover: Rial(amount: policy.sumInsured))
        }
        return (cap, false)
    }
}
