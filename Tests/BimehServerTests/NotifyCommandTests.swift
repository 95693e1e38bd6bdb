import Foundation
import Testing

/// `bimeh notify due --date D` as the daily job runs it: the real executable on a SQLite file.
@Suite("bimeh notify due")
struct NotifyCommandTests {
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("the command runs on a day, reports what it sent, and refuses a date that does not exist")
    func daily() throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let env = ["BIMEH_SQLITE_PATH": directory.appendingPathComponent("bimeh.sqlite").path,
                   "BIMEH_SMS_LOG": directory.appendingPathComponent("sms.log").path]
        // 1405/01/10 + 3 days = 1405/01/13
        let first = try Self.run(["notify", "due", "--date", "1405/01/10"], environment: env)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("0 reminder(s) for installments due 1405/01/13"))
        let again = try Self.run(["notify", "due", "--date", "1405/01/10"], environment: env)
        #expect(again.status == 0 && again.output.contains("0 reminder(s)"))
        let bad = try Self.run(["notify", "due", "--date", "1404/12/30"], environment: env)
        #expect(bad.status != 0)
    }
}
