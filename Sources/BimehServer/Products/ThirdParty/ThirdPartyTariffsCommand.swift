import Foundation
import InsuranceKit
import Vapor

/// `bimeh tariffs export YEAR [--output FILE]` writes a third-party tariff as a file to edit for next year;
/// `bimeh tariffs load FILE` checks a file, shows what changes, and stores it (servers install
/// stored tariffs when they start).
struct TariffsCommand: AsyncCommandGroup {
    var help: String { "Third-party tariff files: export, load" }
    var commands: [String: any AnyAsyncCommand] { ["export": ExportTariffCommand(), "load": LoadTariffCommand()] }
}

struct ExportTariffCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "year", help: "Jalali year, e.g. 1405")
        var year: Int
        @Option(name: "output", help: "Where to write (default: standard output)")
        var output: String?
        init() {}
    }

    var help: String { "Write the third-party tariff of a year as a JSON file" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.autoMigrate()
        try await TariffFiles.installStored(on: context.application)
        guard let tariff = try? ThirdPartyTariff.forYear(signature.year) else {
            context.console.error("No third-party tariff for \(signature.year).")
            throw ExitCode(1)
        }
        let data = try ThirdPartyTariffBook.export(tariff)
        if let file = signature.output { try data.write(to: URL(fileURLWithPath: file)) } else { context.console.print(String(decoding: data, as: UTF8.self)) }
    }
}

struct LoadTariffCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A tariff file as `tariffs export` writes it")
        var file: String
        init() {}
    }

    var help: String { "Check and store a third-party tariff file, showing what changes" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await TariffFiles.installStored(on: app)
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.error("Cannot read '\(signature.file)'.")
            throw ExitCode(2)
        }
        do {
            let loaded = try await TariffFiles.load(data, on: app, actor: .system("tariffs-load"))
            context.console.print("Third-party tariff \(loaded.year) stored" + (loaded.comparedWith.map { "; changes against \($0):" } ?? ":"))
            for line in loaded.changes { context.console.print("  " + line) }
            if loaded.changes.isEmpty { context.console.print("  (no change)") }
            context.console.print("Servers install it when they start; restart running servers to price with it.")
        } catch let error as DomainError {
            context.console.error("Refused: \(error.message)")
            throw ExitCode(1)
        }
    }
}
