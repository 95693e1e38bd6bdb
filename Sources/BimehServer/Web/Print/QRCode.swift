/// A QR code (ISO/IEC 18004) of a short text, for the authenticity link printed on a policy:
/// byte mode, error correction level M, versions 1–10 (up to 213 bytes), Reed–Solomon over
/// GF(256) and the mask with the lowest penalty. `modules[y][x]` is true for a dark module.
struct QRCode: Equatable {
    let version: Int
    let mask: Int
    let modules: [[Bool]]
    var size: Int { modules.count }

    enum Failure: Error, Equatable { case tooLong(bytes: Int) }

    /// Encodes `text` (UTF-8) in the smallest version that holds it; `mask` forces one of the
    /// eight masks (tests compare with reference matrices), nil picks the best.
    init(_ text: String, mask forcedMask: Int? = nil) throws {
        let bytes = Array(text.utf8)
        guard let version = (1...10).first(where: { QRCode.dataCapacity(version: $0) >= bytes.count }) else {
            throw Failure.tooLong(bytes: bytes.count)
        }
        let codewords = QRCode.interleaved(QRCode.dataCodewords(bytes, version: version), version: version)
        var grid = QRGrid(version: version)
        grid.drawFunctionPatterns()
        grid.drawCodewords(codewords)
        let chosen = forcedMask ?? (0..<8).min(by: { a, b in
            QRCode.penalty(grid.masked(a).modules) < QRCode.penalty(grid.masked(b).modules)
        })!
        self.version = version
        self.mask = chosen
        self.modules = grid.masked(chosen).modules
    }

    // MARK: level M tables (ISO/IEC 18004, table 9)

    /// EC codewords per block, and the blocks' data codewords, for versions 1–10 at level M.
    static let blocksM: [(ec: Int, data: [Int])] = [
        (10, [16]), (16, [28]), (26, [44]), (18, [32, 32]), (24, [43, 43]),
        (16, [27, 27, 27, 27]), (18, [31, 31, 31, 31]), (22, [38, 38, 39, 39]),
        (22, [36, 36, 36, 37, 37]), (26, [43, 43, 43, 43, 44]),
    ]

    /// Bytes a version holds: its data codewords less the mode (4 bits) and count (8 or 16 bits).
    static func dataCapacity(version: Int) -> Int {
        let countBits = version < 10 ? 8 : 16
        return (blocksM[version - 1].data.reduce(0, +) * 8 - 4 - countBits) / 8
    }

    /// Mode 0100, character count, the bytes, terminator, then pad bytes 0xEC 0x11.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let capacity = blocksM[version - 1].data.reduce(0, +)
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version < 10 ? 8 : 16)
        for b in bytes { bits.append(Int(b), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var result = bits.bytes
        var pad: UInt8 = 0xEC
        while result.count < capacity {
            result.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return result
    }

    /// Splits the data into the version's blocks, adds each block's EC codewords, and interleaves
    /// data column by column (shorter blocks skip their missing last column), then EC the same way.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let layout = blocksM[version - 1]
        var blocks: [[UInt8]] = []
        var start = 0
        for n in layout.data {
            blocks.append(Array(data[start..<start + n]))
            start += n
        }
        let divisor = ReedSolomon.divisor(degree: layout.ec)
        let ecBlocks = blocks.map { ReedSolomon.remainder($0, divisor: divisor) }
        var result: [UInt8] = []
        for i in 0..<(layout.data.max() ?? 0) {
            for block in blocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<layout.ec {
            for block in ecBlocks { result.append(block[i]) }
        }
        return result
    }

    // MARK: mask penalty (ISO/IEC 18004, 7.8.3)

    static func penalty(_ m: [[Bool]]) -> Int {
        let n = m.count
        var score = 0
        let columns = (0..<n).map { x in (0..<n).map { y in m[y][x] } }
        for line in m + columns {
            // N1: five or more alike in a row, 3 + (run − 5)
            var run = 1
            for i in 1..<n {
                if line[i] == line[i - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            // N3: 1:1:3:1:1 finder-like pattern with four light modules on one side, 40 each
            if n >= 11 {
                for i in 0...(n - 11) {
                    let s = Array(line[i..<i + 11])
                    if s == QRCode.finderLikeA || s == QRCode.finderLikeB { score += 40 }
                }
            }
        }
        // N2: each 2×2 block of one colour, 3
        for y in 0..<(n - 1) {
            for x in 0..<(n - 1) {
                let c = m[y][x]
                if c == m[y][x + 1] && c == m[y + 1][x] && c == m[y + 1][x + 1] { score += 3 }
            }
        }
        // N4: 10 for each full 5 % the dark share is away from 50 %: |dark/total × 100 − 50| / 5
        // = |20·dark − 10·total| / total, in whole numbers
        let dark = m.reduce(0) { $0 + $1.filter { $0 }.count }, total = n * n
        score += (abs(20 * dark - 10 * total) / total) * 10
        return score
    }

    static let finderLikeA: [Bool] = [true, false, true, true, true, false, true, false, false, false, false]
    static let finderLikeB: [Bool] = [false, false, false, false, true, false, true, true, true, false, true]
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { acc, i in acc << 1 | (start + i < bits.count && bits[start + i] ? 1 : 0) }
        }
    }
}

/// Reed–Solomon EC codewords over GF(256) with the QR polynomial x⁸+x⁴+x³+x²+1 (0x11D).
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    /// The generator (x − α⁰)(x − α¹)…(x − α^(degree−1)), leading 1 left out, highest power first.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for b in data {
            let factor = b ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
