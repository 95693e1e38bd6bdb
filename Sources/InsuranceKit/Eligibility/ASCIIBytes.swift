/// Byte helpers for the bulk-import fast paths (EntitlementCSV runs on ~10M rows).
enum ASCIIBytes {
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Drops ASCII spaces and tabs at both ends.
    static func trimmed<C: BidirectionalCollection>(_ bytes: C) -> C.SubSequence where C.Element == UInt8 {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end {
            let before = bytes.index(before: end)
            guard isBlank(bytes[before]) else { break }
            end = before
        }
        return bytes[start..<end]
    }

    static func isASCII<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
