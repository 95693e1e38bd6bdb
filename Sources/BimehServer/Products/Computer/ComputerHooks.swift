import Foundation
import InsuranceKit

/// Computer insurance on the server: a claim names the damaged computers of the policy's list,
/// each paid at most its declared value (R-CL-08).
struct ComputerHooks: ProductHooks {
    let product = ComputerInsurance().code

    func claimedItems(_ policy: Policy, damaged: [DamagedItemInput]) throws -> [ClaimedItem] {
        let inputs = try StoredJSON.decode(ComputerInsuranceInputs.self, from: policy.inputs, what: "policy.inputs")
        var reader = FieldReader()
        let named: [ComputerInsurance.DamagedItem] = damaged.enumerated().compactMap { i, item in
            let reference: ComputerInsurance.ItemReference? = item.row.map { .index($0) } ?? item.serial.map { .serial($0) }
            if reference == nil { reader.add("items[\(i)]", "unknown-item", "ردیف یا شمارهٔ سریال رایانه را بنویسید.") }
            let loss = reader.rial(item.loss, "items[\(i)].loss")
            guard let reference, let loss else { return nil }
            return ComputerInsurance.DamagedItem(reference, loss: loss)
        }
        try reader.throwIfAny()
        return try DomainErrorMapping.validating(defaultField: "items") {
            try ComputerInsurance.claimedItems(policy: inputs, damaged: named)
        }
    }
}
