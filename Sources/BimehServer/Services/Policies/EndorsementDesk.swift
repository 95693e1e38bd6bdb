import Fluent
import Foundation
import InsuranceKit

/// Endorsements (R-P-07): a change never rewrites the policy; it is a numbered endorsement with
/// a pro-rata premium delta. Additional premium is paid before the endorsement is issued; a
/// refund is paid by a payment order.
enum EndorsementDesk {
    struct Request: Sendable {
        var effectiveDate: JalaliDate
        var kind: EndorsementKind?
        /// Product inputs that replace the policy's (top-level members), or nil for a text-only change.
        var inputs: Data?
        var description: String
    }

    struct Outcome: Sendable {
        var endorsement: Endorsement
        var paymentOrder: PaymentOrder?
    }

    static func endorse(_ request: Request, policyID: UUID, ifMatch: String?, principal: Principal, in work: UnitOfWork) async throws -> Outcome {
        let policy = try await PolicyAccess.policy(policyID, for: principal, on: work.db)
        try PolicyAccess.checkVersion(policy, ifMatch: ifMatch)
        try PolicyAccess.allow(.endorse, on: policy, for: principal)
        let pending = try await Endorsement.query(on: work.db).filter(\.$policy.$id == policyID).filter(\.$status == .awaitingPayment).count()
        guard pending == 0 else {
            throw AppError.conflict("endorsement-pending", "الحاقیهٔ قبلی هنوز منتظر پرداخت حق بیمهٔ اضافی است.")
        }
        let term = try PolicyTerm(from: try JalaliDate(parsing: policy.startDate), to: try JalaliDate(parsing: policy.endDate))
        let product = try work.products.line(policy.product)
        let quote = try await policy.$quote.get(on: work.db)
        let context = QuoteContext(date: try JalaliDate(parsing: quote.quoteDate), manualDiscountAuthority: QuoteDesk.discountAuthority.contains(principal.role))
        var newInputs = Data(policy.inputs.utf8)
        var newAnnual = Rial(amount: policy.annualPremium)
        var newSumInsured = policy.sumInsured
        let hooks = work.products.hooks(policy.product)
        var priced: PricedEndorsement?
        if let changes = request.inputs {
            priced = try await hooks.pricedEndorsement(policy, changes: changes, effective: request.effectiveDate, term: term, on: work.db)
        }
        if let priced {
            newInputs = priced.inputs
            newAnnual = priced.annualPremium
            newSumInsured = priced.sumInsured
        } else if let changes = request.inputs {
            let current = Data(policy.inputs.utf8)
            let endorsed = try work.products.hooks(policy.product).endorsedInputs(current: current, changes: changes)
                ?? EndorsedInputs(inputs: try merge(current, with: changes))
            let repriced = try endorsed.price(with: product, context: context)
            newInputs = repriced.normalizedInputs
            newAnnual = repriced.total
            newSumInsured = repriced.sumInsured.amount
        }
        let delta = try priced?.premiumDelta
            ?? EndorsementMath.premiumDelta(oldAnnual: Rial(amount: policy.annualPremium), newAnnual: newAnnual, term: term, effectiveDate: request.effectiveDate)
        let kind = EndorsementMath.kind(for: delta)
        if let asked = request.kind, asked != kind {
            throw AppError.validation([FieldError(field: "kind", code: "endorsement-kind-mismatch",
                message: "این تغییر الحاقیهٔ «\(kind.rawValue)» است، نه «\(asked.rawValue)» (تفاوت حق بیمه: \(delta.persianFormatted) ریال).")])
        }
        let number = try await Endorsement.query(on: work.db).filter(\.$policy.$id == policyID).count() + 1
        let endorsement = Endorsement()
        endorsement.$policy.id = policyID
        endorsement.number = number
        endorsement.kind = kind.rawValue
        endorsement.effectiveDate = request.effectiveDate.description
        endorsement.changes = String(decoding: newInputs, as: UTF8.self)
        endorsement.description = request.description
        endorsement.premiumDelta = delta.amount
        endorsement.annualPremiumBefore = policy.annualPremium
        endorsement.annualPremiumAfter = newAnnual.amount
        endorsement.sumInsuredAfter = newSumInsured
        endorsement.productChanges = priced?.record.map { String(decoding: $0, as: UTF8.self) }
        endorsement.$createdBy.id = principal.userID
        endorsement.status = kind == .additional ? .awaitingPayment : .issued
        if kind == .additional, try await chargeOpenLines(delta, policy: policy, number: number, in: work) {
            endorsement.status = .issued
        }
        var order: PaymentOrder?
        if kind == .refund {
            // R-P-07 (revised): the credit first reduces what is still owed; only the rest is paid out
            let refund = try delta.negated()
            let ledger = try await PolicyLedger.load(policy, on: work.db)
            let split = try ledger.account.splitRefund(refund)
            try await credit(refund, to: policy, covered: try ledger.account.netPaid().adding(ledger.inHand), in: work)
            // a product may send the refund to accounting with the endorsement itself, without an order
            if split.paidOut > .zero, hooks.refundsByPaymentOrder {
                let customer = try await policy.$customer.get(on: work.db)
                order = try await PaymentOrderDesk.create(amount: split.paidOut, payee: customer.displayName,
                    reason: "برگشت حق بیمهٔ الحاقیهٔ شمارهٔ \(number) بیمه‌نامهٔ \(policy.printedNumber ?? "")", policyID: policyID, principal: principal, in: work)
                endorsement.$paymentOrder.id = order?.id
            }
        }
        try await endorsement.create(on: work.db)
        if endorsement.status == .issued {
            try await StatisticsStore.endorsementIssued(endorsement, policy: policy, in: work)
            apply(endorsement, inputs: newInputs, sumInsured: newSumInsured, to: policy)
        }
        policy.version += 1
        try await policy.save(on: work.db)
        try await hooks.endorsed(policy, in: work)
        if endorsement.status == .issued {
            try await hooks.endorsementApplied(endorsement, to: policy, in: work)
            try await hooks.endorsementTookEffect(policy, effective: request.effectiveDate, in: work)
            try await PolicySearchTerms.record(policy, in: work)
        }
        try await work.audit("endorsement.created", entity: "policy", id: policyID.uuidString,
                             after: ["number": String(number), "kind": kind.rawValue, "delta": String(delta.amount), "status": endorsement.status.rawValue])
        return Outcome(endorsement: endorsement, paymentOrder: order)
    }

    /// Additional premium collected in full → the endorsement is issued and takes effect.
    static func issueIfPaid(_ endorsementID: UUID, policy: Policy, in work: UnitOfWork) async throws {
        guard let endorsement = try await Endorsement.find(endorsementID, on: work.db), endorsement.status == .awaitingPayment else { return }
        let paid = try await Payment.query(on: work.db).filter(\.$endorsement.$id == endorsementID).filter(\.$status == .collected).all()
        guard try Rial.sum(paid.map { Rial(amount: $0.amount) }).amount >= endorsement.premiumDelta else { return }
        endorsement.status = .issued
        try await endorsement.save(on: work.db)
        try await StatisticsStore.endorsementIssued(endorsement, policy: policy, in: work)
        try await appendPaidLine(Rial(amount: endorsement.premiumDelta), payments: paid, policy: policy, in: work)
        apply(endorsement, inputs: Data(endorsement.changes.utf8), sumInsured: endorsement.sumInsuredAfter, to: policy)
        policy.version += 1
        try await policy.save(on: work.db)
        let hooks = work.products.hooks(policy.product)
        try await hooks.endorsementApplied(endorsement, to: policy, in: work)
        try await hooks.endorsementTookEffect(policy, effective: try JalaliDate(parsing: endorsement.effectiveDate), in: work)
        try await PolicySearchTerms.record(policy, in: work)
        try await work.audit("endorsement.issued", entity: "policy", id: try policy.requireID().uuidString,
                             after: ["number": String(endorsement.number), "delta": String(endorsement.premiumDelta)])
    }

    private static func apply(_ endorsement: Endorsement, inputs: Data, sumInsured: Int64, to policy: Policy) {
        policy.inputs = String(decoding: inputs, as: UTF8.self)
        policy.annualPremium = endorsement.annualPremiumAfter
        policy.sumInsured = sumInsured
    }

    /// The schedule re-derived after a refund credit (InstallmentSchedule.crediting), audited.
    static func credit(_ refund: Rial, to policy: Policy, covered: Rial, in work: UnitOfWork) async throws {
        let rows = try await ScheduleEntry.query(on: work.db).filter(\.$policy.$id == policy.requireID()).sort(\.$seq).all()
        let before = rows.map(\.amount)
        let lines = try InstallmentSchedule.crediting(rows.map { Rial(amount: $0.amount) }, covered: covered, refund: refund)
        for (row, line) in zip(rows, lines) where row.amount != line.amount {
            row.amount = line.amount
            try await row.save(on: work.db)
        }
        try await work.audit("policy.schedule-credited", entity: "policy", id: try policy.requireID().uuidString,
                             before: ["schedule": before.map(String.init).joined(separator: " ")],
                             after: ["schedule": lines.map { String($0.amount) }.joined(separator: " "), "credit": String(refund.amount)])
    }

    /// R-P-07 (revised): on an installment plan the additional premium joins the lines no payment
    /// holds yet, and the endorsement takes effect at once; false when none is open (then it is
    /// collected first).
    static func chargeOpenLines(_ delta: Rial, policy: Policy, number: Int, in work: UnitOfWork) async throws -> Bool {
        guard policy.plan == "installments" else { return false }
        let id = try policy.requireID()
        let rows = try await ScheduleEntry.query(on: work.db).filter(\.$policy.$id == id).sort(\.$seq).all()
        let live = try await Payment.query(on: work.db).filter(\.$policy.$id == id).filter(\.$status ~~ [.held, .pending, .collected]).all()
        let untied = try Rial.sum(live.filter { $0.installment == nil && $0.$endorsement.id == nil }.map { Rial(amount: $0.amount) })
        let amounts = rows.map { Rial(amount: $0.amount) }
        let open = try InstallmentSchedule.openLines(amounts, taken: Set(live.compactMap { $0.installment.map { $0 - 1 } }), untied: untied)
        guard let lines = try DomainErrorMapping.validating({ try InstallmentSchedule.charging(amounts, open: open, additional: delta) }) else { return false }
        for (row, line) in zip(rows, lines) where row.amount != line.amount {
            row.amount = line.amount
            try await row.save(on: work.db)
        }
        try await work.audit("policy.schedule-charged", entity: "policy", id: id.uuidString,
                             before: ["schedule": amounts.map { String($0.amount) }.joined(separator: " ")],
                             after: ["schedule": lines.map { String($0.amount) }.joined(separator: " "), "charge": String(delta.amount), "endorsement": String(number)])
        return true
    }

    /// An additional premium collected before it took effect becomes its own paid line, so the
    /// schedule still sums to what is charged; the payments are recorded against it.
    static func appendPaidLine(_ amount: Rial, payments: [Payment], policy: Policy, in work: UnitOfWork) async throws {
        let id = try policy.requireID()
        let last = try await ScheduleEntry.query(on: work.db).filter(\.$policy.$id == id).sort(\.$seq, .descending).first()
        let row = ScheduleEntry()
        row.$policy.id = id
        row.seq = (last?.seq ?? 0) + 1
        row.dueDate = JalaliDate(date: work.now).description
        row.amount = amount.amount
        row.kind = ScheduledPayment.Kind.additional.rawValue
        try await row.create(on: work.db)
        for payment in payments {
            payment.installment = row.seq
            try await payment.save(on: work.db)
        }
    }

    /// The changed members replace the policy's; the rest stay.
    static func merge(_ current: Data, with changes: Data) throws -> Data {
        guard var base = try JSONSerialization.jsonObject(with: current) as? [String: Any],
              let patch = try JSONSerialization.jsonObject(with: changes) as? [String: Any] else {
            throw AppError.validation([FieldError(field: "changes.inputs", code: "invalid-type", message: "تغییرات باید یک شیء JSON باشد.")])
        }
        for (key, value) in patch { base[key] = value }
        return try JSONSerialization.data(withJSONObject: base, options: [.sortedKeys])
    }
}
