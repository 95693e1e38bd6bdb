/// The monthly claims figures of one department and product (first building block of R-RP-01):
/// files noticed in the month, claim payments ordered in the month, and for files still open at
/// the month's end the approved loss (loss − salvage, R-CL-07) of those already assessed.
/// Overflow-checked like every money sum.
public struct ClaimMonthTally: Sendable, Hashable, Codable {
    public private(set) var count = 0
    public private(set) var paid = Rial.zero
    public private(set) var outstanding = Rial.zero
    public private(set) var openFiles = 0

    public init() {}

    public mutating func noticedInMonth() { count += 1 }

    /// An open file; its loss and salvage when assessed (nil before).
    public mutating func open(loss: Rial?, salvage: Rial?) throws {
        openFiles += 1
        guard let loss else { return }
        let approved = try loss.subtracting(salvage ?? .zero)
        outstanding = try outstanding.adding(approved > .zero ? approved : .zero)
    }

    public mutating func paymentOrdered(_ amount: Rial) throws {
        paid = try paid.adding(amount)
    }
}
