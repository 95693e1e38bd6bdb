import Fluent
import Foundation
import InsuranceKit
import SQLKit

/// Credit codes of the public inquiry (R-EL-02): issued to a mobile number with a quota, spent one
/// inquiry at a time. Spending is one conditional UPDATE, so concurrent inquiries on one code can
/// never take more than its quota, on either engine.
enum CreditCodeDesk {
    enum Channel: String, Sendable { case sms, ussd }

    struct Issued: Sendable {
        var code: CreditCode
        var quota: Int
    }

    static func issue(to mobile: MobileNumber, channel: Channel, quota: Int, in work: UnitOfWork) async throws -> Issued {
        var generator = SystemRandomNumberGenerator()
        // Ten digits give 9·10⁹ codes; a clash with an existing code is drawn again.
        for _ in 0..<5 {
            let code = CreditCode.generate(using: &generator)
            let hash = Secrets.sha256(code.value)
            guard try await CreditCodeRecord.query(on: work.db).filter(\.$codeHash == hash).count() == 0 else { continue }
            let record = CreditCodeRecord()
            record.codeHash = hash
            record.mobile = mobile.value
            record.channel = channel.rawValue
            record.quota = quota
            record.remaining = quota
            record.createdAt = work.now
            try await record.create(on: work.db)
            try await work.audit("credit-code.issued", entity: "credit-code", id: try record.requireID().uuidString,
                                 after: Summary(mobile: mobile.value, channel: channel.rawValue, remaining: quota))
            return Issued(code: code, quota: quota)
        }
        throw AppError(.serviceUnavailable, code: "credit-code-unavailable", detail: "صدور کد اعتباری ممکن نشد؛ دوباره تلاش کنید.")
    }

    struct Spent: Sendable {
        var remaining: Int
        var mobile: String
    }

    static let unknownCode = AppError(.notFound, code: "credit-code-not-found",
                                      detail: "این کد اعتباری شناخته نشد؛ کد پیامک‌شده را دوباره وارد کنید یا کد تازه بگیرید.")
    static let exhausted = AppError(.forbidden, code: "credit-exhausted",
                                    detail: "سهمیهٔ استعلام این کد اعتباری تمام شده است؛ برای استعلام بیشتر کد تازه بگیرید.")

    /// Takes one inquiry off the code's quota; refused when none is left.
    static func spend(_ code: CreditCode, for person: PersonIdentifier, in work: UnitOfWork) async throws -> Spent {
        guard let sql = work.db as? any SQLDatabase else { throw AppError.malformedJSON }
        let hash = Secrets.sha256(code.value)
        struct Row: Decodable { var id: UUID; var remaining: Int; var mobile: String }
        guard let row = try await sql.raw("""
            UPDATE credit_codes SET remaining = remaining - 1 WHERE code_hash = \(bind: hash) AND remaining > 0
            RETURNING id, remaining, mobile
            """).first(decoding: Row.self) else {
            let known = try await CreditCodeRecord.query(on: work.db).filter(\.$codeHash == hash).count() > 0
            throw known ? exhausted : unknownCode
        }
        try await work.audit("credit-code.spent", entity: "credit-code", id: row.id.uuidString,
                             before: ["remaining": row.remaining + 1], after: Use(remaining: row.remaining, person: person.key))
        return Spent(remaining: row.remaining, mobile: row.mobile)
    }

    private struct Use: Encodable, Sendable {
        var remaining: Int
        var person: String
    }

    private struct Summary: Encodable, Sendable {
        var mobile: String
        var channel: String
        var remaining: Int
    }

    /// The number as the page shows it beside the quota: enough to recognize one's own phone.
    static func masked(_ mobile: String) -> String {
        guard mobile.count == 11 else { return mobile }
        return String(mobile.prefix(4)) + "•••" + String(mobile.suffix(4))
    }
}
