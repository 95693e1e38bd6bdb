import Fluent
import SQLKit
import Foundation
import InsuranceKit

/// Receiving premium (R-P-03) and accounting's verdict on it (R-P-05).
enum PaymentDesk {
    struct Request: Sendable {
        var method: Payment.Method
        var amount: Rial
        var paidOn: JalaliDate
        var cheque: (number: String, bank: String, dueDate: JalaliDate?, account: String?)?
        var endorsementID: UUID?
        /// R-P-03: the installment a cheque pays; nil: the first one no cheque holds.
        var installment: Int? = nil
    }

    static func receive(_ request: Request, policyID: UUID, ifMatch: String?, principal: Principal, in work: UnitOfWork) async throws -> Payment {
        let policy = try await PolicyAccess.policy(policyID, for: principal, on: work.db)
        try PolicyAccess.checkVersion(policy, ifMatch: ifMatch)
        try PolicyAccess.allow(.recordPayment, on: policy, for: principal)
        var pendingAdditional = Rial.zero
        if let endorsementID = request.endorsementID {
            guard let endorsement = try await Endorsement.find(endorsementID, on: work.db), endorsement.$policy.id == policyID else {
                throw AppError.validation([FieldError(field: "endorsementId", code: "unknown-endorsement", message: "الحاقیه‌ای با این شناسه برای این بیمه‌نامه نیست.")])
            }
            guard endorsement.status == .awaitingPayment else {
                throw AppError.conflict("endorsement-not-awaiting-payment", "این الحاقیه منتظر پرداخت نیست.")
            }
            pendingAdditional = Rial(amount: endorsement.premiumDelta)
        }
        let ledger = try await PolicyLedger.load(policy, on: work.db)
        guard request.amount <= (try ledger.open(plus: pendingAdditional)) else {
            throw AppError.validation([FieldError(field: "amount", code: "overpayment",
                message: "مبلغ بیشتر از مانده حق بیمه است (مانده: \(try ledger.open(plus: pendingAdditional).persianFormatted) ریال).")])
        }
        let payment = Payment()
        payment.installment = try await installmentLine(request, policy: policy, on: work.db)
        payment.$policy.id = policyID
        payment.$endorsement.id = request.endorsementID
        payment.method = request.method
        payment.amount = request.amount.amount
        payment.paidOn = request.paidOn.description
        payment.$createdBy.id = principal.userID
        switch request.method {
        case .cheque:
            guard let cheque = request.cheque else {
                throw AppError.validation([FieldError(field: "cheque", code: "required", message: "مشخصات چک (شماره، بانک، تاریخ سررسید) را وارد کنید.")])
            }
            // R-P-03: one cheque (bank, number, account) is recorded once; a bounced one may be
            // replaced, not re-entered as new
            let number = Normalize.identifier(cheque.number), bank = Normalize.text(cheque.bank)
            let account = cheque.account.map(Normalize.identifier) ?? ""
            guard let sql = work.db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
            let same = try await sql.raw("""
                SELECT 1 AS taken FROM payments WHERE cheque_number = \(bind: number) AND cheque_bank = \(bind: bank)
                  AND COALESCE(cheque_account, '') = \(bind: account) AND method = 'cheque' AND status <> 'bounced' LIMIT 1
                """).first()
            guard same == nil else {
                throw AppError.conflict("cheque-duplicate", "چک شمارهٔ \(Normalize.persianDigits(number)) بانک \(bank) پیش‌تر ثبت شده است.")
            }
            let due = try await chequeDueDate(cheque.dueDate, line: payment.installment, policy: policy, on: work.db)
            payment.status = .held
            payment.chequeNumber = number
            payment.chequeBank = bank
            payment.chequeAccount = account.isEmpty ? nil : account
            payment.chequeDueDate = due.description
            let year = JalaliDate(date: work.now).year
            payment.receiptNumber = "\(year)/\(try await work.nextNumber(.receipt, year: year))"
        case .bankSlip:
            payment.status = .pending
            let year = JalaliDate(date: work.now).year
            let serial = try await work.nextNumber(.slip, year: year)
            payment.slipID = try DomainErrorMapping.validating { try SlipPaymentID.make(year: year, serial: serial) }
        }
        try await payment.create(on: work.db)
        try await work.audit("payment.received", entity: "payment", id: try payment.requireID().uuidString,
                             after: ["policy": policyID.uuidString, "method": payment.method.rawValue, "amount": String(payment.amount),
                                     "status": payment.status.rawValue, "receipt": payment.receiptNumber ?? ""])
        try await bumpVersion(policy, in: work)
        return payment
    }

    /// R-P-03: an installment plan's cheque pays one schedule line; a cheque for an additional
    /// premium, a slip or a cash plan's payment is recorded without one.
    static func installmentLine(_ request: Request, policy: Policy, on db: any Database) async throws -> Int? {
        guard policy.plan == "installments", request.method == .cheque, request.endorsementID == nil else {
            if request.installment != nil {
                throw AppError.validation([FieldError(field: "installment", code: "not-applicable",
                                                      message: "شمارهٔ قسط فقط برای چکِ اقساط حق بیمه معنا دارد.")])
            }
            return nil
        }
        let id = try policy.requireID()
        let schedule = try await ScheduleEntry.query(on: db).filter(\.$policy.$id == id).sort(\.$seq).all()
        let live = try await Payment.query(on: db).filter(\.$policy.$id == id).filter(\.$status ~~ [.held, .pending, .collected]).all()
        do {
            return try InstallmentCheques.line(requested: request.installment, amount: request.amount,
                                               schedule: schedule.map { Rial(amount: $0.amount) }, taken: Set(live.compactMap(\.installment)))
        } catch let error as DomainError {
            let code = error.code
            if code == "installment-already-paid" || code == "installments-covered" { throw AppError.conflict(code, error.message) }
            throw AppError.validation(error, field: error.field ?? "installment")
        }
    }

    /// R-P-03 («به ازای هر قسط چک»): an installment's cheque is due by the installment's own due
    /// date (taken from the schedule when not given); any other cheque names its due date.
    static func chequeDueDate(_ given: JalaliDate?, line: Int?, policy: Policy, on db: any Database) async throws -> JalaliDate {
        guard let line else {
            guard let given else {
                throw AppError.validation([FieldError(field: "cheque.dueDate", code: "required", message: "تاریخ سررسید چک را وارد کنید.")])
            }
            return given
        }
        guard let row = try await ScheduleEntry.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$seq == line).first(),
              let installmentDue = try? JalaliDate(parsing: row.dueDate) else { return given ?? JalaliDate(dayNumber: 0) }
        guard let given else { return installmentDue }
        do {
            try InstallmentCheques.checkDueDate(given, installment: line, due: installmentDue)
        } catch let error as DomainError {
            throw AppError.validation(error, field: "cheque.dueDate")
        }
        return given
    }

    enum Verdict: String { case collect, bounce }

    /// Accounting marks a held cheque or a pending slip collected or bounced; nothing else moves.
    static func settle(_ paymentID: UUID, verdict: Verdict, tracking: String? = nil, in work: UnitOfWork) async throws -> Payment {
        guard let payment = try await Payment.find(paymentID, on: work.db) else { throw AppError.notFound("پرداخت") }
        if payment.method == .bankSlip, payment.status == .collected {
            throw AppError.conflict("slip-already-confirmed", "این فیش پیش‌تر با کد پیگیری \(Normalize.persianDigits(payment.bankTracking ?? "")) تأیید شده است.")
        }
        guard payment.status == .held || payment.status == .pending else {
            throw AppError.conflict("invalid-transition", payment.status == .bounced
                ? "این چک برگشت خورده است و وصول آن ثبت نمی‌شود؛ پرداخت تازه ثبت کنید."
                : "این پرداخت پیش‌تر وصول شده است.")
        }
        // R-P-05: a post-dated cheque is collected on its due date, not before
        let today = JalaliDate(date: work.now)
        if verdict == .collect, payment.method == .cheque, let due = try? JalaliDate(parsing: payment.chequeDueDate ?? "") {
            do { try ChequeRules.checkCollectable(due: due, today: today) } catch let e as DomainError { throw AppError.conflict(e.code, e.message) }
        }
        if verdict == .collect, let policy = try await Policy.find(payment.$policy.id, on: work.db) {
            try await checkCollectable(payment, policy: policy, on: work.db)
        }
        if verdict == .collect, payment.method == .bankSlip {
            payment.bankTracking = try await confirmedTracking(tracking, on: work.db)
        }
        let before = payment.status.rawValue
        payment.status = verdict == .collect ? .collected : .bounced
        payment.settledOn = JalaliDate(date: work.now).description
        try await payment.save(on: work.db)
        try await work.audit("payment.\(verdict == .collect ? "collected" : "bounced")", entity: "payment", id: paymentID.uuidString,
                             before: ["status": before], after: ["status": payment.status.rawValue])
        if let policy = try await Policy.find(payment.$policy.id, on: work.db) {
            try await bumpVersion(policy, in: work)
            if verdict == .collect, let endorsementID = payment.$endorsement.id {
                try await EndorsementDesk.issueIfPaid(endorsementID, policy: policy, in: work)
            }
        }
        return payment
    }

    /// R-P-03: the bank's tracking number of a confirmed slip, required and used once: one bank
    /// deposit confirms one slip.
    static func confirmedTracking(_ raw: String?, on db: any Database) async throws -> String {
        // the same shape as a bank transfer's reference (InsuranceKit), reported on this field
        let tracking: String
        do { tracking = try BankTransferReference(raw ?? "").value } catch let error as DomainError {
            throw AppError.validation([FieldError(field: "trackingNumber", code: error.code,
                                                  message: error.code == "required" ? "کد پیگیری بانک را برای تأیید فیش وارد کنید." : error.message)])
        }
        if let other = try await Payment.query(on: db).filter(\.$bankTracking == tracking).first() {
            throw AppError.conflict("slip-already-confirmed", "واریز با کد پیگیری \(Normalize.persianDigits(tracking)) پیش‌تر برای فیش \(Normalize.persianDigits(other.slipID ?? "")) تأیید شده است.")
        }
        return tracking
    }

    /// R-P-05 with the account: collecting may not take net paid beyond what is charged (plus the
    /// additional premium this payment is for); a cheque for a line a refund shrank is returned.
    static func checkCollectable(_ payment: Payment, policy: Policy, on db: any Database) async throws {
        let ledger = try await PolicyLedger.load(policy, on: db)
        var pending = Rial.zero
        if let id = payment.$endorsement.id, let endorsement = try await Endorsement.find(id, on: db), endorsement.status == .awaitingPayment {
            pending = Rial(amount: endorsement.premiumDelta)
        }
        var line: (number: Int, amount: Rial)?
        if let number = payment.installment,
           let row = try await ScheduleEntry.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$seq == number).first() {
            line = (number, Rial(amount: row.amount))
        }
        do {
            try ledger.account.checkCollectable(Rial(amount: payment.amount), pendingAdditional: pending, line: line)
        } catch let error as DomainError {
            throw AppError.conflict(error.code, error.message)
        }
    }

    static func bumpVersion(_ policy: Policy, in work: UnitOfWork) async throws {
        policy.version += 1
        try await policy.save(on: work.db)
    }
}
