@testable import BimehServer
import Foundation
import InsuranceKit

/// A clock whose day a test moves forward during a flow (a sale in one month, the close and a
/// late change in the next): noon in Tehran of the day set.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var day: JalaliDate

    init(_ start: JalaliDate) { day = start }

    func set(_ date: JalaliDate) { lock.withLock { day = date } }

    private var now: Date { lock.withLock { day }.startOfDay(in: BimehClock.tehran).addingTimeInterval(12 * 3600) }

    var clock: BimehClock { BimehClock(fixedToday: nil, instant: { [self] in now }) }
}
