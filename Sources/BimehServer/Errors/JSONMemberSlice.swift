/// The exact bytes of one member of a top-level JSON object, found by scanning: the product
/// parses its `inputs` itself, and re-serializing them from a parsed tree was a quarter of a quote
/// preview's time. Only used on bodies already parsed as valid JSON; any surprise (an escaped key,
/// a truncated value) answers nil and the caller falls back to the parsed tree.
enum JSONMemberSlice {
    static func find(_ name: String, in bytes: [UInt8]) -> ArraySlice<UInt8>?? {
        let key = Array(name.utf8)
        var i = skipSpace(bytes, 0)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        // The whole object is walked: a key given twice is left to the parsed tree to decide.
        var found: ArraySlice<UInt8>?
        while true {
            i = skipSpace(bytes, i)
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return i < bytes.count && bytes[i] == UInt8(ascii: "}") ? .some(found) : nil }
            guard let keyEnd = stringEnd(bytes, i) else { return nil }
            let raw = bytes[(i + 1)..<(keyEnd - 1)]
            if raw.contains(UInt8(ascii: "\\")) { return nil }
            i = skipSpace(bytes, keyEnd)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i = skipSpace(bytes, i + 1)
            guard let valueEnd = valueEnd(bytes, i) else { return nil }
            if raw.elementsEqual(key) {
                if found != nil { return nil }
                found = bytes[i..<valueEnd]
            }
            i = skipSpace(bytes, valueEnd)
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            return bytes[i] == UInt8(ascii: "}") ? .some(found) : nil
        }
    }

    private static func skipSpace(_ b: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i
    }

    /// The index after the closing quote of the string that starts at `start`.
    private static func stringEnd(_ b: [UInt8], _ start: Int) -> Int? {
        var i = start + 1
        while i < b.count {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return nil
    }

    /// The index after the value that starts at `start` (object, array, string or literal).
    private static func valueEnd(_ b: [UInt8], _ start: Int) -> Int? {
        guard start < b.count else { return nil }
        switch b[start] {
        case UInt8(ascii: "\""):
            return stringEnd(b, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0, i = start
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(b, i) else { return nil }
                    i = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return nil
        default:
            var i = start
            while i < b.count, !(b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: "}") || b[i] == UInt8(ascii: "]")
                                 || b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
            return i > start ? i : nil
        }
    }
}
