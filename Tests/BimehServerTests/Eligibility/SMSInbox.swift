@testable import BimehServer
import Foundation
import Vapor

/// Reads the development SMS log the way a newcomer does: the last credit code sent to a number.
enum SMSInbox {
    static func lastCode(_ app: Application, to mobile: String) throws -> String? {
        guard case .logFile(let path) = app.bimeh.config.sms,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").last { $0.split(separator: "\t").dropFirst().first == Substring(mobile) }
        guard let message = line?.split(separator: "\t").last else { return nil }
        return message.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).first { $0.count == 10 }.map(String.init)
    }
}
