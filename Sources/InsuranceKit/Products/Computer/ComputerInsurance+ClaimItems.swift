/// R-CL-08 (seed 002): a computer claim names the damaged computers of the policy's list; each is
/// paid at most its declared value.
extension ComputerInsurance {
    /// How a claim names a computer: its row on the policy's list (0-based) or its serial.
    public enum ItemReference: Sendable, Hashable {
        case index(Int)
        case serial(String)
    }

    /// One damaged computer and the loss the expert set for it.
    public struct DamagedItem: Sendable, Hashable {
        public let item: ItemReference
        public let loss: Rial

        public init(_ item: ItemReference, loss: Rial) {
            self.item = item
            self.loss = loss
        }
    }

    /// The settlement items of a claim, from the policy's normalized inputs. Throws, for the
    /// claim's item i: "unknown-item" (field "items[i]") for a row or serial not on the policy,
    /// "ambiguous-item" for a serial on several rows, "duplicate-item" for a computer named twice,
    /// "invalid-item-loss" (field "items[i].loss") for a loss ≤ 0; "no-items" (field "items") for
    /// a claim that names none.
    public static func claimedItems(policy inputs: ComputerInsuranceInputs,
                                    damaged: [DamagedItem]) throws -> [ClaimedItem] {
        guard !damaged.isEmpty else {
            throw DomainError(code: "no-items", message: "رایانه‌های آسیب‌دیده را از فهرست بیمه‌نامه نام ببرید.",
                              field: "items")
        }
        var seen = Set<Int>()
        return try damaged.enumerated().map { i, claimed in
            let row = try policyRow(of: claimed.item, in: inputs.items, field: "items[\(i)]")
            guard seen.insert(row).inserted else { throw DomainError.duplicateItem.withField("items[\(i)]") }
            guard claimed.loss > .zero else {
                throw DomainError(code: "invalid-item-loss", message: "خسارت هر رایانه باید بیشتر از صفر باشد.",
                                  field: "items[\(i)].loss")
            }
            let item = inputs.items[row]
            return ClaimedItem(index: row, serial: item.serial, declaredValue: item.value, loss: claimed.loss)
        }
    }

    /// The 0-based row a reference names; serials compare after text normalization.
    static func policyRow(of reference: ItemReference, in items: [ComputerInsuranceInputs.Item],
                          field: String) throws -> Int {
        let unknown = DomainError(code: "unknown-item", message: "این رایانه در فهرست بیمه‌نامه نیست.", field: field)
        switch reference {
        case .index(let row):
            guard items.indices.contains(row) else { throw unknown }
            return row
        case .serial(let raw):
            let serial = Normalize.text(raw)
            let rows = items.indices.filter { !serial.isEmpty && items[$0].serial == serial }
            guard let row = rows.first else { throw unknown }
            guard rows.count == 1 else {
                throw DomainError(code: "ambiguous-item",
                                  message: "این شمارهٔ سریال در چند ردیف بیمه‌نامه آمده است؛ ردیف رایانه را نام ببرید.",
                                  field: field)
            }
            return row
        }
    }
}
