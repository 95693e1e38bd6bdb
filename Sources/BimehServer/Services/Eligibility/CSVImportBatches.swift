import Crypto
import Foundation
import InsuranceKit

/// Reads an entitlement CSV (API.md) a chunk at a time, never the whole file at once: checks the
/// header, parses each row, hands valid rows on in batches and reports each refused row with its
/// line number and reason. The file's SHA-256 is computed on the way.
final class CSVImportBatches: EntitlementBatches, @unchecked Sendable {
    struct HeaderError: Error, CustomStringConvertible { let description: String }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var lineNumber = 0
    private var hasher = SHA256()
    private let onRejected: (RowRejection) -> Void
    private(set) var rejected: Int64 = 0

    init(path: String, onRejected: @escaping (RowRejection) -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HeaderError(description: "Cannot read '\(path)'.")
        }
        self.handle = handle
        self.onRejected = onRejected
        guard let header = try nextLine() else { throw HeaderError(description: "The file is empty; expected the header \(EntitlementCSV.header.joined(separator: ","))") }
        do { try EntitlementCSV.checkHeader(header) } catch let error as DomainError {
            throw HeaderError(description: "Line 1: \(error.message)")
        }
    }

    deinit { try? handle.close() }

    /// The file's SHA-256 once every line has been read.
    var fingerprint: String? { atEnd ? Secrets.hex(hasher.finalize()) : nil }

    func next() throws -> [Entitlement] {
        var batch: [Entitlement] = []
        batch.reserveCapacity(EntitlementLoader.batchSize)
        while batch.count < EntitlementLoader.batchSize, let line = try nextLine() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            switch EntitlementCSV.parseRow(line, lineNumber: lineNumber) {
            case .success(let row): batch.append(row)
            case .failure(let rejection):
                rejected += 1
                onRejected(rejection)
            }
        }
        return batch
    }

    /// The next line without its line ending, or nil at the end of the file. `position` walks the
    /// buffer; consumed bytes are dropped only when a new chunk is read, not once per line.
    private func nextLine() throws -> Substring? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = newline + 1
                lineNumber += 1
                return Substring(line)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = buffer.count
                lineNumber += 1
                return Substring(line)
            }
            buffer.removeSubrange(..<position)
            position = 0
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else {
                hasher.update(data: chunk)
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
