import Foundation
import InsuranceKit

/// The independent expert's assessment (R-CL-07): a loss and salvage in rials, or for a case the
/// product assesses by share, the forensic share of the diya (R-TP-10). One reading for the API
/// and the claim page.
struct AssessClaim: Sendable {
    struct Input: Sendable {
        var loss: Int64?
        var salvage: Int64?
        /// A salvage was typed but is not a whole number of rials (forms only).
        var salvageUnreadable = false
        var diyaPercent: String?
        var death: Bool?
        /// R-CL-08: the damaged items, when the product lists them (computer insurance).
        var items: [DamagedItemInput]?
    }

    enum Basis: Sendable {
        case rials(loss: Rial?, salvage: Rial, items: [DamagedItemInput]?)
        case share(Percent, death: Bool)
    }

    let basis: Basis

    init(_ input: Input) throws {
        var reader = FieldReader()
        if let raw = input.diyaPercent {
            if input.loss != nil { reader.add("loss", "not-applicable", "با سهم دیه، مبلغ خسارت را جداگانه وارد نکنید؛ از جدول دیه حساب می‌شود.") }
            if (input.salvage ?? 0) != 0 { reader.add("salvage", "not-applicable", "خسارت بدنی بازیافت ندارد.") }
            var share: Percent?
            do { share = try Percent(parsing: Normalize.digits(raw)) } catch let error as DomainError { reader.add("diyaPercent", error.code, error.message) }
            try reader.throwIfAny()
            guard let share else { throw AppError.malformedJSON }
            basis = .share(share, death: input.death ?? false)
            return
        }
        // with items the loss is theirs: given, it must equal their sum
        let items = input.items.flatMap { $0.isEmpty ? nil : $0 }
        let loss = items != nil && input.loss == nil ? nil : reader.rial(input.loss, "loss")
        var salvage = Rial.zero
        if input.salvageUnreadable {
            reader.add("salvage", "invalid-amount", "بازیافت باید عددی صفر یا مثبت (به ریال) باشد.")
        } else if let raw = input.salvage {
            if raw < 0 { reader.add("salvage", "negative-amount", "بازیافت نمی‌تواند منفی باشد.") } else { salvage = Rial(amount: raw) }
        }
        try reader.throwIfAny()
        guard loss != nil || items != nil else { throw AppError.malformedJSON }
        basis = .rials(loss: loss, salvage: salvage, items: items)
    }

    func run(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws {
        switch basis {
        case .rials(let given, let salvage, let items):
            var loss = given
            claim.claimedItems = nil
            if let items {
                let policy = try await claim.$policy.get(on: work.db)
                let claimed = try work.products.hooks(claim.product).claimedItems(policy, damaged: items)
                let total = try DomainErrorMapping.validating(defaultField: "items") { try Rial.sum(claimed.map(\.loss)) }
                if let given, given != total {
                    throw AppError.validation([FieldError(field: "loss", code: "items-loss-mismatch",
                                                          message: "مبلغ خسارت باید برابر جمع خسارت اقلام (\(total.persianFormatted) ریال) باشد.")])
                }
                loss = total
                claim.claimedItems = try QuoteDesk.json(claimed)
            }
            guard let loss else { throw AppError.malformedJSON }
            try await ClaimWorkflow.assess(claim, loss: loss, salvage: salvage, principal: principal, in: work)
        case .share(let share, let death):
            let loss = try work.products.hooks(claim.product).lossFromShare(claim, share: share, death: death)
            try await ClaimWorkflow.assess(claim, loss: loss, salvage: .zero, principal: principal, in: work)
        }
    }
}
