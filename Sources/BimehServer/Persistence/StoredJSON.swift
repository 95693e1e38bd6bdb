import Foundation
import Vapor

/// JSON the system stored itself (a policy's lines, a cancellation record, an order's copies).
/// It was valid when written, so a value that no longer decodes is damage to report, not an
/// absence to paper over: a 500 that names the record, logged with the request id.
enum StoredJSON {
    struct Damaged: Error, CustomStringConvertible {
        let what: String
        let underlying: any Error
        var description: String { "stored \(what) does not decode: \(underlying)" }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw Damaged(what: what, underlying: error)
        }
    }

    /// Nil when nothing was stored.
    static func decode<T: Decodable>(_ type: T.Type, from text: String?, what: String) throws -> T? {
        guard let text else { return nil }
        let value: T = try decode(type, from: text, what: what)
        return value
    }
}
