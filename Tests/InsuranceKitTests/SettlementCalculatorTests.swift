import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-CL-08 settlement breakdown")
struct SettlementCalculatorTests {
    private func settle(loss: Int64, salvage: Int64 = 0, premium: PremiumInquiryOutcome = .full,
                        franchise: Percent = .zero, cap: Int64, previous: Int64 = 0,
                        agreed: Int64? = nil) throws -> Settlement {
        try SettlementCalculator.settle(SettlementInput(
            loss: Rial(loss), salvage: Rial(salvage), premium: premium, franchisePercent: franchise, cap: Rial(cap),
            previousPayments: Rial(previous), agreedAmount: agreed.map { Rial($0) }))
    }

    private func error(_ input: SettlementInput) -> DomainError? {
        #expect(throws: DomainError.self) { try SettlementCalculator.settle(input) }
    }

    private func codes(_ s: Settlement) -> [String] { s.lines.map(\.code) }
    private func amounts(_ s: Settlement) -> [Rial] { s.lines.map(\.amount) }

    @Test("R-CL-07 salvage is deducted: approved = loss − salvage")
    func salvage() throws {
        // 20,000,000 − 3,000,000 = 17,000,000; no franchise; 17,000,000 ≤ cap 100,000,000
        let s = try settle(loss: 20_000_000, salvage: 3_000_000, cap: 100_000_000)
        #expect(s.approved == Rial(17_000_000))
        #expect(codes(s) == ["loss", "salvage"])
        #expect(amounts(s) == [20_000_000, -3_000_000])
        #expect(s.payable == Rial(17_000_000))
        #expect(s.lines.map(\.rule) == ["R-CL-07", "R-CL-07"])
    }

    /// loss 50,000,000, salvage 5,000,000 → approved 45,000,000;
    /// premium fully paid → no premium line;
    /// franchise 10 % of 45,000,000 = 4,500,000 → 40,500,000;
    /// cap: sum insured 60,000,000 − previous 30,000,000 = remaining 30,000,000;
    /// 40,500,000 > 30,000,000 → cap-reduction −10,500,000 → payable 30,000,000.
    /// Check: 50,000,000 − 5,000,000 − 4,500,000 − 10,500,000 = 30,000,000.
    @Test("R-CL-08 franchise then cap with previous payments on the same policy")
    func franchiseThenCap() throws {
        let s = try settle(loss: 50_000_000, salvage: 5_000_000, franchise: Percent(10), cap: 60_000_000,
                           previous: 30_000_000)
        #expect(s.approved == Rial(45_000_000))
        #expect(codes(s) == ["loss", "salvage", "franchise", "cap-reduction"])
        #expect(amounts(s) == [50_000_000, -5_000_000, -4_500_000, -10_500_000])
        #expect(s.payable == Rial(30_000_000))
        #expect(s.line("franchise")?.rule == "R-CL-08")
        #expect(s.line("cap-reduction")?.rule == "R-CL-08")
    }

    /// loss 12,845,679, salvage 500,000 → approved 12,345,679;
    /// premium 7,200,000 of 10,000,000 paid: 12,345,679 × 72 / 100 = 8,888,888.88 → 8,888,889,
    ///   line 8,888,889 − 12,345,679 = −3,456,790;
    /// franchise 10 % of 8,888,889 = 888,888.9 → 888,889 → 8,000,000;
    /// cap 20,000,000 − previous 13,000,000 = 7,000,000 → cap-reduction −1,000,000 → 7,000,000.
    /// Check: 12,845,679 − 500,000 − 3,456,790 − 888,889 − 1,000,000 = 7,000,000.
    @Test("R-CL-04 + R-CL-08 proportional premium, then franchise, then cap")
    func proportionalFranchiseCap() throws {
        let s = try settle(loss: 12_845_679, salvage: 500_000, premium: .proportional(paid: 7_200_000, total: 10_000_000),
                           franchise: Percent(10), cap: 20_000_000, previous: 13_000_000)
        #expect(s.approved == Rial(12_345_679))
        #expect(codes(s) == ["loss", "salvage", "premium-proportion", "franchise", "cap-reduction"])
        #expect(amounts(s) == [12_845_679, -500_000, -3_456_790, -888_889, -1_000_000])
        #expect(s.payable == Rial(7_000_000))
        #expect(s.line("premium-proportion")?.rule == "R-CL-04")
    }

    /// approved 3 × 1/2 = 1.5 → 2 kept (half away from zero), so the line is 2 − 3 = −1
    /// (rounding the reduction instead would have kept 1).
    @Test("R-G-02 the premium rule rounds the payable amount once; the line is the difference")
    func proportionalRounding() throws {
        let s = try settle(loss: 3, premium: .proportional(paid: 1, total: 2), cap: 100)
        #expect(amounts(s) == [3, 0, -1])
        #expect(s.payable == Rial(2))
    }

    /// 45 × 10 % = 4.5 → 5 (half away from zero) → 40
    @Test("R-G-02 the franchise is rounded once, half away from zero")
    func franchiseRounding() throws {
        let s = try settle(loss: 45, franchise: Percent(10), cap: 100)
        #expect(s.line("franchise")?.amount == Rial(-5))
        #expect(s.payable == Rial(40))
    }

    /// previous 70,000,000 > cap 60,000,000 → remaining max(0, −10,000,000) = 0; approved 10,000,000 →
    /// cap-reduction −10,000,000 → payable 0 (never negative)
    @Test("R-CL-08 the cap already used up gives 0, never a negative payable")
    func capExhausted() throws {
        let s = try settle(loss: 10_000_000, cap: 60_000_000, previous: 70_000_000)
        #expect(s.line("cap-reduction")?.amount == Rial(-10_000_000))
        #expect(s.payable == .zero)
    }

    /// amount exactly equal to the remaining cap: 30,000,000 = 60,000,000 − 30,000,000 → no line
    @Test("R-CL-08 no cap line when the amount equals the remaining cap")
    func capExact() throws {
        let s = try settle(loss: 30_000_000, cap: 60_000_000, previous: 30_000_000)
        #expect(codes(s) == ["loss", "salvage"])
        #expect(s.payable == Rial(30_000_000))
    }

    /// The franchiseThenCap case (assessed 30,000,000) agreed at 25,000,000:
    /// adjustment 25,000,000 − 30,000,000 = −5,000,000; Σ = 30,000,000 − 5,000,000 = 25,000,000.
    @Test("R-CL-09 an agreed amount replaces the assessed payable through one adjustment line")
    func agreedLower() throws {
        let s = try settle(loss: 50_000_000, salvage: 5_000_000, franchise: Percent(10), cap: 60_000_000,
                           previous: 30_000_000, agreed: 25_000_000)
        #expect(codes(s) == ["loss", "salvage", "franchise", "cap-reduction", "agreed-adjustment"])
        #expect(s.line("agreed-adjustment")?.amount == Rial(-5_000_000))
        #expect(s.line("agreed-adjustment")?.rule == "R-CL-09")
        #expect(s.payable == Rial(25_000_000))
    }

    /// loss 20,000,000, franchise 10 % = 2,000,000 → assessed 18,000,000; agreed after meetings
    /// 19,000,000 (≤ cap 100,000,000): adjustment +1,000,000. Agreed = assessed: no line.
    @Test("R-CL-09 the agreed amount may exceed the assessed one, within the remaining cap")
    func agreedHigher() throws {
        let s = try settle(loss: 20_000_000, franchise: Percent(10), cap: 100_000_000, agreed: 19_000_000)
        #expect(s.line("agreed-adjustment")?.amount == Rial(1_000_000))
        #expect(s.payable == Rial(19_000_000))
        let same = try settle(loss: 20_000_000, franchise: Percent(10), cap: 100_000_000, agreed: 18_000_000)
        #expect(same.line("agreed-adjustment") == nil)
        #expect(same.payable == Rial(18_000_000))
    }

    @Test("R-CL-09 an agreed amount above the remaining cap is refused")
    func agreedAboveCap() {
        // remaining cap 60,000,000 − 30,000,000 = 30,000,000 < 30,000,001
        let e = error(SettlementInput(loss: 50_000_000, salvage: 5_000_000, premium: .full,
                                      franchisePercent: Percent(10), cap: 60_000_000, previousPayments: 30_000_000,
                                      agreedAmount: 30_000_001))
        #expect(e?.code == "agreed-above-cap")
        #expect(e?.field == "agreedAmount")
    }

    @Test("R-CL-04 a premium not paid before the loss stops the settlement")
    func notPayable() {
        let e = error(SettlementInput(loss: 1_000, salvage: 0, premium: .notPayable(reason: .paidAfterLoss),
                                      franchisePercent: .zero, cap: 10_000))
        #expect(e?.code == "premium-not-paid-before-loss")
        #expect(e?.message == PremiumNotPayableReason.paidAfterLoss.message)
    }

    @Test("invalid inputs are refused with their field", arguments: [
        (SettlementInput(loss: 0, salvage: 0, premium: .full, franchisePercent: .zero, cap: 1), "invalid-loss", "loss"),
        (SettlementInput(loss: -5, salvage: 0, premium: .full, franchisePercent: .zero, cap: 1), "invalid-loss", "loss"),
        (SettlementInput(loss: 10, salvage: 11, premium: .full, franchisePercent: .zero, cap: 1), "invalid-salvage", "salvage"),
        (SettlementInput(loss: 10, salvage: -1, premium: .full, franchisePercent: .zero, cap: 1), "invalid-salvage", "salvage"),
        (SettlementInput(loss: 10, salvage: 0, premium: .full, franchisePercent: .zero, cap: -1), "negative-amount", "cap"),
        (SettlementInput(loss: 10, salvage: 0, premium: .full, franchisePercent: .zero, cap: 1, previousPayments: -1),
         "negative-amount", "previousPayments"),
        (SettlementInput(loss: 10, salvage: 0, premium: .full, franchisePercent: .zero, cap: 1, agreedAmount: -1),
         "negative-amount", "agreedAmount"),
        (SettlementInput(loss: 10, salvage: 0, premium: .full, franchisePercent: Percent(101), cap: 1),
         "invalid-franchise", "franchisePercent"),
        (SettlementInput(loss: 10, salvage: 0, premium: .full, franchisePercent: Percent(-1), cap: 1),
         "invalid-franchise", "franchisePercent"),
        (SettlementInput(loss: 10, salvage: 0, premium: .proportional(paid: 3, total: 2), franchisePercent: .zero, cap: 1),
         "invalid-premium-proportion", "premium"),
        (SettlementInput(loss: 10, salvage: 0, premium: .proportional(paid: 0, total: 0), franchisePercent: .zero, cap: 1),
         "invalid-premium-proportion", "premium"),
        (SettlementInput(loss: 10, salvage: 0, premium: .proportional(paid: -1, total: 2), franchisePercent: .zero, cap: 1),
         "invalid-premium-proportion", "premium"),
    ])
    func invalid(_ input: SettlementInput, _ code: String, _ field: String) {
        let e = error(input)
        #expect(e?.code == code)
        #expect(e?.field == field)
    }

    @Test("edge values: salvage = loss gives 0; 100 % franchise gives 0; extremes never trap")
    func edges() throws {
        #expect(try settle(loss: 10, salvage: 10, cap: 100).payable == .zero)
        #expect(try settle(loss: 10, franchise: .hundred, cap: 100).payable == .zero)
        // Int64.max = 9,223,372,036,854,775,807 everywhere, no trap:
        // kept = max × (max − 1) / max = max − 1 → premium line −1;
        // franchise 50 % of 9,223,372,036,854,775,806 = 4,611,686,018,427,387,903 (exact);
        // cap max, nothing paid before → no cap line; agreed 1 → adjustment 1 − 4,611,686,018,427,387,903
        let big = try settle(loss: .max, premium: .proportional(paid: Rial(.max - 1), total: Rial(.max)),
                             franchise: Percent(50), cap: .max, previous: 0, agreed: 1)
        #expect(big.line("premium-proportion")?.amount == Rial(-1))
        #expect(big.line("franchise")?.amount == Rial(-4_611_686_018_427_387_903))
        #expect(big.line("cap-reduction") == nil)
        #expect(big.line("agreed-adjustment")?.amount == Rial(-4_611_686_018_427_387_902))
        #expect(big.payable == Rial(1))
        #expect(big.payable == (try Rial.sum(big.lines.map { $0.amount })))
    }

    @Test("R-G-02 payable is always Σ lines and never negative (fixed-seed random inputs)")
    func property() throws {
        var random = LCG(seed: 1404)
        for _ in 0..<2_000 {
            let loss = random.int64(in: 1...10_000_000_000)
            let salvage = random.int64(in: 0...loss)
            let total = random.int64(in: 1...100_000_000)
            let premium: PremiumInquiryOutcome = random.int(in: 0...1) == 0
                ? .full : .proportional(paid: Rial(random.int64(in: 0...total)), total: Rial(total))
            let s = try settle(loss: loss, salvage: salvage, premium: premium,
                               franchise: Percent(basisPoints: random.int64(in: 0...10_000)),
                               cap: random.int64(in: 0...10_000_000_000), previous: random.int64(in: 0...5_000_000_000))
            #expect(s.payable == (try Rial.sum(s.lines.map(\.amount))))
            #expect(!s.payable.isNegative)
            #expect(s.approved == Rial(loss - salvage))
        }
    }

    @Test("settlements are Codable with the API's field names")
    func codable() throws {
        let s = try settle(loss: 50_000_000, salvage: 5_000_000, franchise: Percent(10), cap: 60_000_000,
                           previous: 30_000_000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(s), as: UTF8.self)
        #expect(json.hasPrefix(#"{"approved":45000000,"lines":[{"amount":50000000,"code":"loss""#))
        #expect(json.hasSuffix(#""payable":30000000}"#))
        #expect(try JSONDecoder().decode(Settlement.self, from: encoder.encode(s)) == s)
    }
}
