import Vapor
import InsuranceKit

/// `bimeh notify due [--date YYYY/MM/DD]`: the daily run that texts the insured whose installment
/// falls due in 3 days. Run twice the same day it sends nothing twice (one row per installment).
struct NotifyCommand: AsyncCommandGroup {
    var help: String { "SMS notifications to the insured" }
    var commands: [String: any AnyAsyncCommand] { ["due": NotifyDueCommand()] }
}

struct NotifyDueCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "date", help: "Jalali day the run is for (default today)")
        var date: String?
        init() {}
    }

    var help: String { "Send the reminders of installments due in 3 days" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let today = try signature.date.map { try JalaliDate(parsing: $0) } ?? app.bimeh.clock.today()
        let result = try await DueReminders.run(on: today, app: app)
        context.console.print("\(result.queued) reminder(s) for installments due \(NotificationText.reminderDueDate(on: today)); \(result.delivered) sent or attempted.")
    }
}

/// The daily reminder run, shared by the command and its tests.
enum DueReminders {
    static func run(on today: JalaliDate, app: Application) async throws -> (queued: Int, delivered: Int) {
        let queued = try await app.bimeh.store.write(on: app.db, actor: .system("notify-due"), requestID: nil) { work in
            try await Notifier.queueDueReminders(on: today, in: work)
        }
        let delivered = await NotificationDelivery.deliverPending(store: app.bimeh.store, sms: app.bimeh.sms, on: app.db, logger: app.logger)
        return (queued, delivered)
    }
}
