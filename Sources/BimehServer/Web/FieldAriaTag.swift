import Leaf

/// `#fieldaria("amount")` inside an input's tag: ` aria-invalid="true" aria-describedby="amount-error"`
/// when the page has an error for that field (as `#fielderror` prints it), else nothing — so a
/// screen reader reads the message with the input it belongs to.
struct FieldAriaTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        let path = FieldErrorTag.path(ctx.parameters)
        let errors = ctx.data["errors"]?.array ?? []
        let marked = errors.compactMap(\.dictionary).contains { FieldErrorTag.matches($0["field"]?.string ?? "", path) }
        return .string(marked ? " aria-invalid=\"true\" aria-describedby=\"\(FieldErrorTag.elementID(path))\"" : "")
    }
}
