import Testing
@testable import BimehServer

/// The QR encoder of the printed policy's authenticity link (ISO/IEC 18004: byte mode, level M).
@Suite("QR code encoder: byte mode, level M, versions 1–10")
struct QRCodeTests {
    @Test("the data codewords of «Bimeh», bit by bit: mode, count, bytes, terminator, pad bytes")
    func dataCodewords() {
        // 0100 | 00000101 | 01000010 B | 01101001 i | 01101101 m | 01100101 e | 01101000 h | 0000
        // regrouped in bytes: 01000000 01010100 00100110 10010110 11010110 01010110 10000000
        // then 0xEC 0x11 alternately up to version 1-M's 16 data codewords
        let expected: [UInt8] = [0x40, 0x54, 0x26, 0x96, 0xD6, 0x56, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC]
        #expect(QRCode.dataCodewords(Array("Bimeh".utf8), version: 1) == expected)
    }

    @Test("Reed–Solomon: the 10 EC codewords of the standard's «HELLO WORLD» 1-M example")
    func reedSolomon() {
        // ISO/IEC 18004's worked example (alphanumeric «HELLO WORLD», version 1-M), data and EC as published
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ec = ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10))
        #expect(ec == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("capacity at level M: 14 bytes in version 1, 213 in version 10 (16-bit count)")
    func capacity() {
        // version 1-M: 16 data codewords = 128 bits − 4 mode − 8 count = 116 bits → 14 bytes
        #expect(QRCode.dataCapacity(version: 1) == 14)
        // version 10-M: 216 codewords = 1728 bits − 4 − 16 = 1708 bits → 213 bytes
        #expect(QRCode.dataCapacity(version: 10) == 213)
        #expect(throws: QRCode.Failure.tooLong(bytes: 214)) { try QRCode(String(repeating: "a", count: 214)) }
    }

    @Test("the matrix equals a reference encoder's, module for module, with the same mask",
          arguments: QRReference.cases.indices)
    func matrixWithMask(_ index: Int) throws {
        let reference = QRReference.cases[index]
        let code = try QRCode(reference.text, mask: reference.mask)
        #expect(code.version == reference.version)
        #expect(code.modules.map { $0.map { $0 ? "1" : "0" }.joined() } == reference.rows)
    }

    @Test("the mask chosen is the one of the eight with the lowest penalty", arguments: QRReference.cases.indices)
    func chosenMask(_ index: Int) throws {
        // encoders may differ here (the reference scores its symbols without format bits): any mask
        // decodes; the rule is the lowest score of the symbol as printed
        let text = QRReference.cases[index].text
        let chosen = try QRCode(text)
        let scores = try (0..<8).map { QRCode.penalty(try QRCode(text, mask: $0).modules) }
        #expect(QRCode.penalty(chosen.modules) == scores.min())
        #expect(scores.firstIndex(of: scores.min()!) == chosen.mask)
    }

    @Test("penalty of an all-light 21×21 grid, by the four rules")
    func penaltyByHand() {
        let light = Array(repeating: Array(repeating: false, count: 21), count: 21)
        // N1: 42 lines, each one run of 21 → 3 + (21 − 5) = 19 each → 798
        // N2: 20 × 20 two-by-two blocks × 3 → 1200
        // N3: no dark module, no finder-like pattern → 0
        // N4: 0 % dark, |0 − 50| / 5 = 10 steps × 10 → 100
        #expect(QRCode.penalty(light) == 798 + 1200 + 0 + 100)
    }

    @Test("SVG: a square per dark module inside a four-module quiet zone")
    func svg() throws {
        let code = try QRCode("Bimeh")
        let svg = code.svg(label: "رمزینه")
        // version 1 is 21 modules, plus 4 on each side = 29
        #expect(svg.contains("viewBox=\"0 0 29 29\""))
        let dark = code.modules.joined().filter { $0 }.count
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == dark)
    }
}
