/// R-GL-03: the number of a group life contract, `{serial}/{agencyCode}/{complexCode}/{year}`.
/// The serial comes from the contract register, which starts at 600000 each Jalali year; the
/// agency code is the introducing agency's, or 9995 for a direct sale.
public struct GroupContractNumber: Sendable, Hashable, CustomStringConvertible {
    public static let firstSerial = 600_000
    public static let directAgencyCode = "9995"

    public let serial: Int
    public let agencyCode: String
    public let complexCode: String
    public let year: Int

    /// `agencyCode` nil means a direct sale (9995). Throws "invalid-contract-serial" for a serial
    /// below 600000 and "invalid-complex-code" for an empty complex code.
    public init(serial: Int, agencyCode: String?, complexCode: String, year: Int) throws {
        guard serial >= Self.firstSerial else {
            throw DomainError(code: "invalid-contract-serial", message: "شمارهٔ دفتر قرارداد از ۶۰۰۰۰۰ آغاز می‌شود.", field: "serial")
        }
        let complex = Normalize.text(complexCode)
        guard !complex.isEmpty else {
            throw DomainError(code: "invalid-complex-code", message: "کد مجتمع صادرکننده تعریف نشده است.", field: "complexCode")
        }
        let agency = agencyCode.map(Normalize.text) ?? ""
        self.serial = serial
        self.agencyCode = agency.isEmpty ? Self.directAgencyCode : agency
        self.complexCode = complex
        self.year = year
    }

    /// The serial of the register's n-th contract of a year (n from 1): 600000, 600001, …
    public static func serial(forRegisterNumber n: Int) -> Int { firstSerial + n - 1 }

    public var description: String { "\(serial)/\(agencyCode)/\(complexCode)/\(year)" }
}

/// R-GL-04: the member list arrives within 15 days of the policyholder receiving the contract.
public enum GroupMemberListDeadline {
    public static let days = 15

    /// The last day the list is on time.
    public static func deadline(contractReceived: JalaliDate) -> JalaliDate {
        contractReceived.adding(days: days)
    }

    /// Throws "member-list-late" for a list after the deadline (day 15 is on time, day 16 late).
    public static func check(contractReceived: JalaliDate, listDate: JalaliDate) throws {
        let last = deadline(contractReceived: contractReceived)
        guard listDate <= last else {
            throw DomainError(code: "member-list-late",
                              message: "فهرست بیمه‌شدگان باید حداکثر ۱۵ روز پس از دریافت قرارداد (تا \(last.persianDescription)) برسد.",
                              field: "members")
        }
    }
}
