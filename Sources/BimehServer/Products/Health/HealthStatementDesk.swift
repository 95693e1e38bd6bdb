import Fluent
import Foundation
import InsuranceKit

/// R-SH-07: what the insurer owes a contracted center for a month of direct claims. The month
/// is read from the claims while open; accounting approves it once the month has ended (its count
/// and total frozen, no more claims for it) and then records the payment with the bank transfer.
enum HealthStatementDesk {
    struct Line: Sendable, Codable {
        var id: UUID?
        var serviceDate: String
        var nationalCode: String
        var cover: String
        var cost: Int64
        var payable: Int64
    }

    struct View: Sendable, Codable {
        var center: String
        var centerName: String
        var month: String
        /// `open`, `approved` or `paid`.
        var status: String
        var claims: [Line]
        var count: Int
        var total: Int64
        var approvedOn: String?
        var paidOn: String?
        var transferReference: String?
    }

    static func month(year: Int, month: Int) throws -> (String, JalaliDate) {
        do {
            return try HealthCalendar.month(year: year, month: month)
        } catch let error as DomainError {
            throw AppError.validation(error, field: "month")
        }
    }

    /// Staff see any center; a provider only their own.
    static func center(_ code: String, for principal: Principal, on db: any Database) async throws -> HealthCenter {
        guard let center = try await HealthCenter.query(on: db).filter(\.$code == code).first() else { throw AppError.notFound("مرکز") }
        if principal.role == .provider {
            guard try await HealthClaimDesk.centerOf(principal, on: db).id == center.id else { throw AppError.forbidden }
        }
        return center
    }

    static func view(_ center: HealthCenter, year: Int, month: Int, on db: any Database) async throws -> View {
        let (key, _) = try self.month(year: year, month: month)
        let claims = try await HealthClaim.query(on: db).filter(\.$center.$id == center.requireID()).filter(\.$month == key)
            .sort(\.$serviceDate).sort(\.$createdAt).with(\.$person).all()
        let statement = try await HealthStatement.query(on: db).filter(\.$center.$id == center.requireID()).filter(\.$month == key).first()
        let lines = claims.map { Line(id: $0.id, serviceDate: $0.serviceDate, nationalCode: $0.person.nationalCode, cover: $0.cover, cost: $0.cost, payable: $0.payable) }
        return View(center: center.code, centerName: center.name, month: key,
                    status: statement == nil ? "open" : (statement?.paidOn == nil ? "approved" : "paid"),
                    claims: lines, count: lines.count, total: try Rial.sum(lines.map { Rial(amount: $0.payable) }).amount,
                    approvedOn: statement?.approvedOn, paidOn: statement?.paidOn, transferReference: statement?.transferReference)
    }

    /// Accounting approves an ended month once: "month-not-ended", "statement-already-approved".
    static func approve(_ center: HealthCenter, year: Int, month: Int, principal: Principal, in work: UnitOfWork) async throws -> View {
        let (key, first) = try self.month(year: year, month: month)
        let today = JalaliDate(date: work.now)
        do { try HealthCalendar.checkMonthEnded(first: first, today: today) } catch let error as DomainError { throw AppError.conflict(error.code, error.message) }
        guard try await HealthStatement.query(on: work.db).filter(\.$center.$id == center.requireID()).filter(\.$month == key).first() == nil else {
            throw AppError.conflict("statement-already-approved", "صورت‌حساب ماه \(Normalize.persianDigits(key)) این مرکز پیش‌تر تأیید شده است.")
        }
        let current = try await view(center, year: year, month: month, on: work.db)
        let statement = HealthStatement()
        statement.$center.id = try center.requireID()
        statement.month = key
        statement.count = current.count
        statement.total = current.total
        statement.approvedOn = today.description
        statement.$approvedBy.id = principal.userID
        try await statement.create(on: work.db)
        try await work.audit("health.statement-approved", entity: "health-center", id: try center.requireID().uuidString,
                             after: ["month": key, "count": String(current.count), "total": String(current.total)])
        return try await view(center, year: year, month: month, on: work.db)
    }

    /// Accounting records the payment of an approved month, once: "statement-not-approved", "statement-already-paid".
    static func pay(_ center: HealthCenter, year: Int, month: Int, reference: String, principal: Principal, in work: UnitOfWork) async throws -> View {
        let (key, _) = try self.month(year: year, month: month)
        let transfer = try DomainErrorMapping.validating { try BankTransferReference(reference) }
        guard let statement = try await HealthStatement.query(on: work.db).filter(\.$center.$id == center.requireID()).filter(\.$month == key).first() else {
            throw AppError.conflict("statement-not-approved", "صورت‌حساب ماه \(Normalize.persianDigits(key)) هنوز تأیید نشده است.")
        }
        guard statement.paidOn == nil else {
            throw AppError.conflict("statement-already-paid", "صورت‌حساب ماه \(Normalize.persianDigits(key)) پیش‌تر پرداخت شده است.")
        }
        statement.paidOn = JalaliDate(date: work.now).description
        statement.transferReference = transfer.value
        try await statement.save(on: work.db)
        try await work.audit("health.statement-paid", entity: "health-center", id: try center.requireID().uuidString,
                             after: ["month": key, "total": String(statement.total), "transfer": transfer.value])
        return try await view(center, year: year, month: month, on: work.db)
    }

    /// A claim may not be added to a month accounting has approved: "statement-closed".
    static func closed(_ month: String) -> AppError {
        AppError.conflict("statement-closed", "صورت‌حساب ماه \(Normalize.persianDigits(month)) این مرکز تأیید شده است و خسارت تازه‌ای برای آن ماه پذیرفته نمی‌شود.")
    }
}
