import Foundation
import InsuranceKit
import NIOConcurrencyHelpers
import Vapor

/// Sends text messages (credit codes, R-EL-02). Drivers: a development one that appends each
/// message to a log file, an HTTP one for a real SMS provider, and a recording one for tests.
protocol SMSGateway: Sendable {
    func send(to mobile: MobileNumber, text: String) async throws
}

/// Where SMS go, from the environment: `BIMEH_SMS_URL` (+ `BIMEH_SMS_TOKEN`) for a provider,
/// otherwise the development log file `BIMEH_SMS_LOG` (default `sms-outbox.log`).
enum SMSSettings: Sendable, Equatable {
    case logFile(path: String)
    case http(url: String, token: String?)
    case recording(RecordingSMSGateway)

    /// `client` and `clock` are the application's: the HTTP driver posts with one, the log
    /// stamps its lines with the other.
    func makeGateway(client: any Client, clock: BimehClock) -> any SMSGateway {
        switch self {
        case .logFile(let path): return SMSLogFile(path: path, clock: clock)
        case .http(let url, let token): return SMSOverHTTP(endpoint: url, token: token, client: client)
        case .recording(let gateway): return gateway
        }
    }
}

/// Keeps every message in memory, in order: what tests read instead of a log file.
final class RecordingSMSGateway: SMSGateway, Equatable {
    struct Message: Sendable, Equatable {
        var to: String
        var text: String
    }

    private let messages = NIOLockedValueBox<[Message]>([])
    private let down = NIOLockedValueBox(false)

    var sent: [Message] { messages.withLockedValue { $0 } }
    /// While true every send fails, as an unreachable provider would.
    var failing: Bool {
        get { down.withLockedValue { $0 } }
        set { down.withLockedValue { $0 = newValue } }
    }

    func send(to mobile: MobileNumber, text: String) async throws {
        if failing { throw AppError(.serviceUnavailable, code: "sms-unavailable", detail: "ارسال پیامک ممکن نشد.") }
        messages.withLockedValue { $0.append(Message(to: mobile.value, text: text)) }
    }

    static func == (a: RecordingSMSGateway, b: RecordingSMSGateway) -> Bool { a === b }
}

/// Development driver: one line per message, `time<TAB>mobile<TAB>text`, appended.
struct SMSLogFile: SMSGateway {
    let path: String
    let clock: BimehClock
    private static let lock = NIOLock()

    func send(to mobile: MobileNumber, text: String) async throws {
        let line = "\(ISO8601DateFormatter().string(from: clock.now()))\t\(mobile.value)\t\(text.replacingOccurrences(of: "\n", with: " "))\n"
        try Self.lock.withLock {
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw AppError(.serviceUnavailable, code: "sms-unavailable", detail: "ارسال پیامک ممکن نشد؛ کمی بعد دوباره تلاش کنید.")
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
        }
    }
}

/// A provider's HTTP API: POST `{"to": "09…", "text": "…"}` with an optional bearer token; any 2xx
/// is a sent message.
struct SMSOverHTTP: SMSGateway {
    let endpoint: String
    let token: String?
    let client: any Client

    func send(to mobile: MobileNumber, text: String) async throws {
        struct Message: Content { var to: String; var text: String }
        let response = try await client.post(URI(string: endpoint)) { request in
            if let token { request.headers.bearerAuthorization = BearerAuthorization(token: token) }
            try request.content.encode(Message(to: mobile.value, text: text))
        }
        guard (200..<300).contains(response.status.code) else {
            throw AppError(.serviceUnavailable, code: "sms-unavailable", detail: "ارسال پیامک ممکن نشد؛ کمی بعد دوباره تلاش کنید.")
        }
    }
}
