import Fluent
import SQLKit

/// A gapless register (R-G-06). Extend with new registers as products need them.
public struct RegisterName: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// دبیرخانه / اندیکاتور — every incoming and outgoing letter.
    public static let secretariat = RegisterName(rawValue: "secretariat")
    /// دفتر بیمه‌نامه
    public static let policy = RegisterName(rawValue: "policy")
    /// دفتر اعلام خسارت
    public static let claimNotice = RegisterName(rawValue: "claim-notice")
    /// دفتر ارسال مراسلات
    public static let outgoingMail = RegisterName(rawValue: "outgoing-mail")
    /// دفتر صدور حواله
    public static let paymentOrder = RegisterName(rawValue: "payment-order")
    /// قبض رسید — a receipt for every cheque received (R-P-03).
    public static let receipt = RegisterName(rawValue: "receipt")
    /// فیش واریز — the serial of a bank slip's payment id (R-P-03).
    public static let slip = RegisterName(rawValue: "slip")
}

enum Registers {
    /// Takes the next number of `register` for the Jalali `year`. Must run inside the transaction
    /// that stores the numbered record: if that transaction rolls back, so does the number, which
    /// is what keeps the register gapless. One upsert creates the year's counter at 1 or bumps it,
    /// and holds the row's write lock until commit, so two transactions can never read the same
    /// number (PostgreSQL row lock; SQLite's single writer).
    static func next(_ register: RegisterName, year: Int, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw RegisterError.unsupportedDatabase }
        let row = try await sql.raw("""
            INSERT INTO register_counters (register, year, last_number) VALUES (\(bind: register.rawValue), \(bind: year), 1)
            ON CONFLICT (register, year) DO UPDATE SET last_number = register_counters.last_number + 1
            RETURNING last_number
            """).first()
        guard let row else { throw RegisterError.counterMissing }
        return try row.decode(column: "last_number", as: Int.self)
    }

    enum RegisterError: Error {
        case unsupportedDatabase, counterMissing
    }
}
