import Leaf
import InsuranceKit

/// `#fa(x)`: the value with Persian digits, for numbers and dates on screen.
struct PersianDigitsTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let value = ctx.parameters.first, !value.isNil else { return .string("") }
        return .string(Normalize.persianDigits(value.string ?? ""))
    }
}

/// `#rial(amount)`: an integer rial amount with Persian digits and separators.
struct RialTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let amount = ctx.parameters.first?.int else { return .string("") }
        return .string(Rial(amount: Int64(amount)).persianFormatted)
    }
}
