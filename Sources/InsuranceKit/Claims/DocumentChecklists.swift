/// R-CL-06: the document checklist per product and case (section D); the file cannot be settled
/// while a required document is missing.
public enum DocumentChecklists: Sendable {
    /// The checklist; "unknown-product" (field "product") for a code no product has,
    /// "unsupported-claim-case" (field "case") for a case the product has no list for.
    public static func checklist(product: String, case claimCase: ClaimCase,
                                 in catalog: ProductCatalog = .standard) throws -> [RequiredDocument] {
        try catalog.product(product).checklist(for: claimCase)
    }

    /// The documents the file needs whose code is not in `received`, in checklist order: every
    /// required one, and each conditional one whose condition code is in `conditions` (R-CL-06).
    /// Without conditions, conditional documents are never reported missing.
    public static func missing(required checklist: [RequiredDocument], received: Set<String>,
                               conditions: Set<String> = []) -> [RequiredDocument] {
        checklist.filter { $0.isRequired(when: conditions) && !received.contains($0.code) }
    }
}
