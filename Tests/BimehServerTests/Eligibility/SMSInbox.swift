@testable import BimehServer
import Foundation
import Vapor

/// The messages the test server sent, from its recording SMS gateway: the last credit code sent
/// to a number.
enum SMSInbox {
    static func lastCode(_ app: Application, to mobile: String) throws -> String? {
        guard let gateway = app.bimeh.sms as? RecordingSMSGateway else { return nil }
        guard let message = gateway.sent.last(where: { $0.to == mobile })?.text else { return nil }
        return message.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).first { $0.count == 10 }.map(String.init)
    }
}
