/// Splits one CSV line into fields (RFC 4180 quoting within a line: a field may be wrapped in
/// double quotes, contain commas, and write a quote as ""). Works on UTF-8 bytes; the common
/// unquoted line needs no allocation.
enum CSVFields {
    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22

    enum Split<Field> {
        case fields(Field, Field, Field, Field, Field)
        case wrongCount(Int)
        case malformedQuotes
    }

    /// Drops a trailing CR/LF (files written on Windows) and a leading UTF-8 BOM.
    static func lineBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var start = 0, end = bytes.count
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while end > start, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
        return bytes[start..<end]
    }

    /// Exactly five fields, or why not. Unquoted lines are sliced in place.
    static func splitFive(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Split<Slice<UnsafeBufferPointer<UInt8>>>? {
        var cuts = (0, 0, 0, 0)
        var commas = 0
        for i in line.indices {
            let byte = line[i]
            if byte == quote { return nil }   // caller takes the quoted path
            guard byte == comma else { continue }
            switch commas {
            case 0: cuts.0 = i
            case 1: cuts.1 = i
            case 2: cuts.2 = i
            case 3: cuts.3 = i
            default: break
            }
            commas += 1
        }
        guard commas == 4 else { return .wrongCount(commas + 1) }
        return .fields(line[line.startIndex..<cuts.0], line[cuts.0 + 1..<cuts.1], line[cuts.1 + 1..<cuts.2],
                       line[cuts.2 + 1..<cuts.3], line[cuts.3 + 1..<line.endIndex])
    }

    /// The slow path for lines containing a double quote: unescapes into owned byte arrays.
    /// Blanks around a quoted field are allowed; text after its closing quote is not.
    static func splitQuoted<C: Collection>(_ line: C) -> Split<ArraySlice<UInt8>> where C.Element == UInt8 {
        var fields: [[UInt8]] = []
        var current: [UInt8] = []
        var inQuotes = false, wasQuoted = false, afterClosingQuote = false
        var iterator = line.makeIterator()
        var pending = iterator.next()
        while let byte = pending {
            pending = iterator.next()
            if inQuotes {
                if byte == quote {
                    if pending == quote {   // "" inside quotes is one quote
                        current.append(quote)
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == comma {
                fields.append(current)
                current = []
                wasQuoted = false
                afterClosingQuote = false
            } else if afterClosingQuote {
                guard ASCIIBytes.isBlank(byte) else { return .malformedQuotes }
            } else if byte == quote {
                // Opening quote: only blanks may precede it in this field.
                guard !wasQuoted, current.allSatisfy(ASCIIBytes.isBlank) else { return .malformedQuotes }
                current = []
                inQuotes = true
                wasQuoted = true
            } else {
                current.append(byte)
            }
        }
        guard !inQuotes else { return .malformedQuotes }
        fields.append(current)
        guard fields.count == 5 else { return .wrongCount(fields.count) }
        return .fields(fields[0][...], fields[1][...], fields[2][...], fields[3][...], fields[4][...])
    }
}
