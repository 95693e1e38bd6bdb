import Foundation
import InsuranceKit
import Vapor

/// `bimeh tariffs export YEAR [--product CODE] [--output FILE]` writes a product's tariff as a file
/// to edit for next year; `bimeh tariffs load FILE [--product CODE]` checks a file, shows what
/// changes, and stores it (servers install stored tariffs when they start). Without `--product`
/// the file's own `product` decides, else the first product with tariff files.
struct TariffsCommand: AsyncCommandGroup {
    var help: String { "Yearly tariff files of the products: export, load" }
    var commands: [String: any AnyAsyncCommand] { ["export": ExportTariffCommand(), "load": LoadTariffCommand()] }
}

struct ExportTariffCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "year", help: "Jalali year, e.g. 1405")
        var year: Int
        @Option(name: "product", help: "Product code (default: the first product with tariff files)")
        var product: String?
        @Option(name: "output", help: "Where to write (default: standard output)")
        var output: String?
        init() {}
    }

    var help: String { "Write a product's tariff of a year as a JSON file" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await TariffFiles.installStored(on: app)
        let format: TariffFileFormat
        do { format = try TariffFiles.format(for: nil, product: signature.product, in: app.bimeh.products) } catch let error as DomainError {
            context.console.error("Refused: \(error.message)")
            throw ExitCode(1)
        }
        guard let data = try format.export(signature.year) else {
            context.console.error("No \(format.product.rawValue) tariff for \(signature.year).")
            throw ExitCode(1)
        }
        if let file = signature.output { try data.write(to: URL(fileURLWithPath: file)) } else { context.console.print(String(decoding: data, as: UTF8.self)) }
    }
}

struct LoadTariffCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A tariff file as `tariffs export` writes it")
        var file: String
        @Option(name: "product", help: "Product code, when the file does not name it")
        var product: String?
        init() {}
    }

    var help: String { "Check and store a product's tariff file, showing what changes" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await TariffFiles.installStored(on: app)
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.error("Cannot read '\(signature.file)'.")
            throw ExitCode(2)
        }
        do {
            let loaded = try await TariffFiles.load(data, product: signature.product, on: app, actor: .system("tariffs-load"))
            context.console.print("\(loaded.product.rawValue) tariff \(loaded.year) stored" + (loaded.comparedWith.map { "; changes against \($0):" } ?? ":"))
            for line in loaded.changes { context.console.print("  " + line) }
            if loaded.changes.isEmpty { context.console.print("  (no change)") }
            context.console.print("Servers install it when they start; restart running servers to price with it.")
        } catch let error as DomainError {
            context.console.error("Refused (\(error.code)): \(error.message)")
            throw ExitCode(1)
        }
    }
}
