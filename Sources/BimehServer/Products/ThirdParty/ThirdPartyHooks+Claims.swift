import Fluent
import Foundation
import InsuranceKit

/// What the third-party line adds to the generic claim file (R-TP-10…12): the facts asked at
/// notice, the unlicensed-driver refusal, the inspection rule, losses priced in diya, and the
/// limits the settlement is capped by.
extension ThirdPartyHooks {
    static let atFaultLicensed = "atFaultLicensed"
    static let policeSketch = "policeSketch"
    static let driverLicenceClass = "driverLicenceClass"

    var noticeQuestions: [NoticeQuestion] {
        [
            .yesNo(Self.atFaultLicensed, "شخص ثالث: رانندهٔ مقصر گواهینامه داشت؟"),
            .yesNo(Self.policeSketch, "شخص ثالث (مالی): کروکی پلیس هست؟"),
            NoticeQuestion(name: Self.driverLicenceClass, label: "شخص ثالث (حوادث راننده): پایهٔ گواهینامهٔ راننده",
                           choices: DrivingLicenceClass.allCases.map { .init(value: $0.rawValue, label: $0.label) }),
        ]
    }

    /// The notice must say whether the at-fault driver had a licence, and for property damage
    /// whether there is a police sketch.
    func checkNoticeFacts(_ facts: ClaimFacts, claimCase: ClaimCase) throws {
        var reader = FieldReader()
        if facts[Self.atFaultLicensed] == nil {
            reader.add(Self.atFaultLicensed, "required", "بگویید رانندهٔ مقصر گواهینامهٔ رانندگی داشت یا نه.")
        }
        if claimCase == .financial && facts[Self.policeSketch] == nil {
            reader.add(Self.policeSketch, "required", "بگویید کروکی پلیس برای این حادثه کشیده شده است یا نه.")
        }
        if facts.texts[Self.driverLicenceClass] != nil && claimCase != .driverAccident {
            reader.add(Self.driverLicenceClass, "not-applicable", "پایهٔ گواهینامهٔ راننده فقط در خسارت حوادث راننده پرسیده می‌شود.")
        }
        for name in facts.names where ![Self.atFaultLicensed, Self.policeSketch, Self.driverLicenceClass].contains(name) {
            reader.add(name, "not-applicable", "این فیلد برای خسارت این نوع بیمه‌نامه نیست.")
        }
        try reader.throwIfAny()
    }

    /// R-TP-01: the driver's own injury is covered only when the policy bought the cover and the
    /// driver's licence class fits the vehicle.
    func checkCover(_ policy: Policy, claimCase: ClaimCase, facts: ClaimFacts, lossDate: JalaliDate) throws {
        guard claimCase == .driverAccident else { return }
        let inputs = try StoredJSON.decode(ThirdPartyInputs.self, from: policy.inputs, what: "policy.inputs")
        let vehicle = try ThirdPartyDesk.vehicleClass(of: policy)
        var licence: DrivingLicenceClass?
        if let raw = facts.texts[Self.driverLicenceClass], !raw.isEmpty {
            guard let known = DrivingLicenceClass(rawValue: raw) else {
                throw AppError.validation([FieldError(field: Self.driverLicenceClass, code: "invalid-licence-class",
                                                      message: "پایهٔ گواهینامه باید یکی از " + DrivingLicenceClass.allCases.map(\.rawValue).joined(separator: "، ") + " باشد.")])
            }
            licence = known
        }
        do {
            try ThirdPartyClaims.checkDriverAccident(inputs: inputs, licenceClass: licence, vehicleClass: vehicle)
        } catch let error as DomainError {
            // the notice's own field names: the case is `kind`, the licence `driverLicenceClass`
            let field = error.code == "driver-cover-not-bought" ? "kind" : Self.driverLicenceClass
            throw AppError.validation([FieldError(field: field, code: error.code, message: error.message)])
        }
    }

    func record(_ facts: ClaimFacts, for claim: Claim, in work: UnitOfWork) async throws {
        let row = ThirdPartyClaimFacts()
        row.id = try claim.requireID()
        row.atFaultLicensed = facts[Self.atFaultLicensed]
        row.policeSketch = facts[Self.policeSketch]
        try await row.create(on: work.db)
    }

    /// R-TP-11: the refusal reason when the at-fault driver had no licence and the policy was
    /// issued after the licence rule; nil when the insurer is obliged.
    func refusal(for claim: Claim, policy: Policy, on db: any Database) async throws -> String? {
        guard try await ThirdPartyClaimFacts.of(claim, on: db)?.atFaultLicensed == false else { return nil }
        let issued = try JalaliDate(parsing: policy.issueDate ?? policy.startDate)
        // The loss was checked to be inside the cover, so the policy was in force at the accident.
        let obliged = ThirdPartyClaims.atFaultUnlicensed(policyIssueDate: issued, licenceRuleStart: ThirdPartyClaims.licenceRuleStart,
                                                          policyInForce: true)
        return obliged ? nil : "رانندهٔ مقصر حادثه گواهینامهٔ رانندگی نداشت؛ بیمه‌گر تعهدی ندارد"
    }

    /// R-TP-12: property damage above 10,000,000 rials, or without a police sketch, is assessed
    /// only after the at-fault vehicle was inspected and the head approved the visit.
    func checkAssessment(_ claim: Claim, loss: Rial, on db: any Database) async throws {
        let sketch = try await ThirdPartyClaimFacts.of(claim, on: db)?.policeSketch ?? false
        guard claim.claimCase == .financial, ThirdPartyClaims.requiresInspection(financialClaim: loss, hasPoliceSketch: sketch) else { return }
        let approved = try await ClaimEntry.query(on: db).filter(\.$claim.$id == claim.requireID())
            .filter(\.$kind == .inspectionApproved).count() > 0
        guard approved else {
            throw AppError.conflict("inspection-required",
                                    "خسارت مالی بیش از ۱۰٬۰۰۰٬۰۰۰ ریال یا بدون کروکی: پیش از برآورد، بازدید خودروی مقصر و تأیید رئیس اداره لازم است.")
        }
    }

    func assessesByShare(_ claim: Claim) -> Bool {
        claim.claimCase.isPricedInDiya
    }

    /// R-TP-10: the loss of a bodily case from the forensic share of the diya.
    func lossFromShare(_ claim: Claim, share: Percent, death: Bool) throws -> Rial {
        guard assessesByShare(claim) else {
            throw AppError.validation([FieldError(field: "diyaPercent", code: "not-applicable",
                                                  message: "سهم دیه فقط در خسارت بدنی، سرنشین یا حادثهٔ رانندهٔ بیمهٔ شخص ثالث معنا دارد.")])
        }
        return try DomainErrorMapping.validating {
            try ThirdPartyClaims.bodilyLoss(accidentDate: try JalaliDate(parsing: claim.lossDate), death: death, share: share)
        }
    }

    /// `ThirdPartyClaims.settlementCap`; earlier files of the policy do not count.
    func settlementLimit(_ claim: Claim, policy: Policy) throws -> SettlementLimit {
        let cap = try DomainErrorMapping.validating {
            try ThirdPartyClaims.settlementCap(for: claim.claimCase,
                                               accidentDate: try JalaliDate(parsing: claim.lossDate),
                                               financialCover: Rial(amount: policy.sumInsured))
        }
        return SettlementLimit(cap: cap, countsPreviousPayments: false)
    }
}
