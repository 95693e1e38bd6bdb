import Foundation
import Testing
@testable import InsuranceKit

/// A computer policy listing two computers: row 0 "SN-A" declared 60,000,000, row 1 "SN-B"
/// declared 40,000,000; sum insured 100,000,000.
@Suite("R-CL-08 computer claims name their items")
struct ComputerClaimItemsTests {
    let policy = ComputerInsuranceInputs(
        items: [
            .init(description: "سرور", serial: "SN-A", value: 60_000_000),
            .init(description: "رایانهٔ رومیزی", serial: "SN-B", value: 40_000_000),
        ],
        competitiveDiscountPercent: nil, franchisePercent: Percent(10))

    func items(_ damaged: [ComputerInsurance.DamagedItem]) throws -> [ClaimedItem] {
        try ComputerInsurance.claimedItems(policy: policy, damaged: damaged)
    }

    func itemError(_ damaged: [ComputerInsurance.DamagedItem]) -> DomainError? {
        #expect(throws: DomainError.self) { try ComputerInsurance.claimedItems(policy: policy, damaged: damaged) }
    }

    /// Losses 70,000,000 (SN-A) and 10,000,000 (row 1): loss 80,000,000;
    /// item cap: SN-A min(70,000,000, 60,000,000) = 60,000,000 (−10,000,000), SN-B 10,000,000 within
    /// its 40,000,000 → capped 60,000,000 + 10,000,000 = 70,000,000;
    /// salvage 2,000,000 → approved 68,000,000;
    /// premium 6,000,000 of 8,000,000 paid: 68,000,000 × 6 / 8 = 51,000,000, line −17,000,000;
    /// franchise 10 % of 51,000,000 = 5,100,000 → 45,900,000;
    /// cap: sum insured 100,000,000 − earlier payments 60,000,000 = 40,000,000 → −5,900,000.
    /// Check: 80,000,000 − 10,000,000 − 2,000,000 − 17,000,000 − 5,100,000 − 5,900,000 = 40,000,000.
    @Test("R-CL-08 each item is capped at its declared value before the premium rule, franchise and cap")
    func itemsCappedThenTheRest() throws {
        // given the two damaged computers, one named by serial and one by row
        let claimed = try items([.init(.serial("SN-A"), loss: 70_000_000), .init(.index(1), loss: 10_000_000)])
        #expect(claimed == [
            ClaimedItem(index: 0, serial: "SN-A", declaredValue: 60_000_000, loss: 70_000_000),
            ClaimedItem(index: 1, serial: "SN-B", declaredValue: 40_000_000, loss: 10_000_000),
        ])
        // when the file is settled
        let s = try SettlementCalculator.settle(SettlementInput(
            loss: 80_000_000, salvage: 2_000_000, premium: .proportional(paid: 6_000_000, total: 8_000_000),
            franchisePercent: Percent(10), cap: 100_000_000, previousPayments: 60_000_000, items: claimed))
        // then every step is a line, the item cap first
        #expect(s.lines.map(\.code) == ["loss", "item-cap", "salvage", "premium-proportion", "franchise", "cap-reduction"])
        #expect(s.lines.map(\.amount) == [80_000_000, -10_000_000, -2_000_000, -17_000_000, -5_100_000, -5_900_000])
        #expect(s.line("item-cap")?.rule == "R-CL-08")
        #expect(s.line("item-cap")?.label.contains("ردیف ۱") == true)
        #expect(s.approved == 68_000_000)
        #expect(s.payable == 40_000_000)
    }

    /// Losses 30,000,000 and 10,000,000, both within their values: loss 40,000,000, nothing capped;
    /// franchise 10 % = 4,000,000 → 36,000,000 ≤ cap 100,000,000.
    @Test("R-CL-08 items within their declared values add no item-cap line")
    func withinValues() throws {
        let claimed = try items([.init(.index(0), loss: 30_000_000), .init(.serial("SN-B"), loss: 10_000_000)])
        let s = try SettlementCalculator.settle(SettlementInput(
            loss: 40_000_000, salvage: 0, premium: .full, franchisePercent: Percent(10), cap: 100_000_000, items: claimed))
        #expect(s.lines.map(\.code) == ["loss", "salvage", "franchise"])
        #expect(s.payable == 36_000_000)
    }

    /// The franchiseThenCap example (50,000,000 − 5,000,000 − 4,500,000 − 10,500,000 = 30,000,000).
    @Test("R-CL-08 without items the settlement is exactly as before")
    func noItems() throws {
        let input = SettlementInput(loss: 50_000_000, salvage: 5_000_000, premium: .full, franchisePercent: Percent(10),
                                    cap: 60_000_000, previousPayments: 30_000_000)
        let s = try SettlementCalculator.settle(input)
        #expect(input.items.isEmpty)
        #expect(s.lines.map(\.code) == ["loss", "salvage", "franchise", "cap-reduction"])
        #expect(s.payable == 30_000_000)
    }

    @Test("R-CL-08 item inputs are checked: losses add up, salvage within the capped loss, each item once")
    func invalidItems() {
        let a = ClaimedItem(index: 0, serial: "SN-A", declaredValue: 60_000_000, loss: 70_000_000)
        let b = ClaimedItem(index: 1, serial: "SN-B", declaredValue: 40_000_000, loss: 10_000_000)
        func error(loss: Rial, salvage: Rial = 0, _ items: [ClaimedItem]) -> DomainError? {
            #expect(throws: DomainError.self) {
                try SettlementCalculator.settle(SettlementInput(
                    loss: loss, salvage: salvage, premium: .full, franchisePercent: .zero, cap: 100_000_000, items: items))
            }
        }
        // 70,000,000 + 10,000,000 = 80,000,000 ≠ 75,000,000
        #expect(error(loss: 75_000_000, [a, b])?.code == "items-loss-mismatch")
        // capped 70,000,000 < salvage 75,000,000 (though below the loss 80,000,000)
        #expect(error(loss: 80_000_000, salvage: 75_000_000, [a, b])?.code == "invalid-salvage")
        let twice = error(loss: 140_000_000, [a, a])
        #expect(twice?.code == "duplicate-item")
        #expect(twice?.field == "items[1]")
        let zero = ClaimedItem(index: 1, serial: nil, declaredValue: 40_000_000, loss: 0)
        #expect(error(loss: 70_000_000, [a, zero])?.field == "items[1].loss")
    }

    @Test("R-CL-08 an item not on the policy is refused with its position", arguments: [
        ComputerInsurance.ItemReference.index(2), .index(-1), .serial("SN-C"), .serial(" "),
    ])
    func unknownItem(_ reference: ComputerInsurance.ItemReference) {
        let error = itemError([.init(.index(0), loss: 1_000_000), .init(reference, loss: 1_000_000)])
        #expect(error?.code == "unknown-item")
        #expect(error?.field == "items[1]")
    }

    @Test("R-CL-08 the same computer twice, an empty claim, a loss ≤ 0 and an ambiguous serial are refused")
    func refusedClaims() throws {
        let twice = itemError([.init(.index(0), loss: 1_000_000), .init(.serial("SN-A"), loss: 1_000_000)])
        #expect(twice?.code == "duplicate-item")
        #expect(twice?.field == "items[1]")
        #expect(itemError([])?.code == "no-items")
        #expect(itemError([.init(.index(1), loss: 0)])?.field == "items[0].loss")
        let shared = ComputerInsuranceInputs(
            items: [.init(description: "الف", serial: "X", value: 1_000), .init(description: "ب", serial: "X", value: 2_000)],
            competitiveDiscountPercent: nil, franchisePercent: nil)
        let ambiguous = #expect(throws: DomainError.self) {
            try ComputerInsurance.claimedItems(policy: shared, damaged: [.init(.serial("X"), loss: 500)])
        }
        #expect(ambiguous?.code == "ambiguous-item")
        // serials compare after normalization: Persian digits and spaces around them
        let policy = ComputerInsuranceInputs(items: [.init(description: "الف", serial: "SN-12", value: 1_000)],
                                             competitiveDiscountPercent: nil, franchisePercent: nil)
        #expect(try ComputerInsurance.claimedItems(policy: policy, damaged: [.init(.serial(" SN-۱۲ "), loss: 500)]).first?.index == 0)
    }

    @Test("a settlement input stored without items decodes with none")
    func decodesWithoutItems() throws {
        let input = SettlementInput(loss: 10, salvage: 0, premium: .full, franchisePercent: .zero, cap: 100)
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(input)) as? [String: Any] ?? [:]
        json["items"] = nil
        let decoded = try JSONDecoder().decode(SettlementInput.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded == input)
        let withItems = SettlementInput(loss: 10, salvage: 0, premium: .full, franchisePercent: .zero, cap: 100,
                                        items: [ClaimedItem(index: 0, serial: nil, declaredValue: 5, loss: 10)])
        #expect(try JSONDecoder().decode(SettlementInput.self, from: JSONEncoder().encode(withItems)) == withItems)
    }
}
