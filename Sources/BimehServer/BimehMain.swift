import Vapor
import Logging

/// The `bimeh` executable: `serve [--demo] [--port N]`, `migrate`, `seed demo`, `users create`, `audit verify`.
public enum BimehMain {
    public static func run() async -> Int32 {
        var env: Environment
        do { env = try Environment.detect() } catch {
            FileHandle.standardError.write(Data("bimeh: \(error)\n".utf8))
            return 2
        }
        // `--demo` is ours, not Vapor's: take it out before Vapor parses the command line.
        let demo = env.arguments.contains("--demo")
        env.arguments.removeAll { $0 == "--demo" }
        do { try LoggingSystem.bootstrap(from: &env) } catch {
            FileHandle.standardError.write(Data("bimeh: \(error)\n".utf8))
            return 2
        }
        var config: AppConfig
        do {
            config = try AppConfig.fromEnvironment(ProcessInfo.processInfo.environment, demo: demo)
        } catch {
            FileHandle.standardError.write(Data("bimeh: configuration error: \(error)\n".utf8))
            return 2
        }
        let command = env.arguments.dropFirst().first
        let serving = command == nil || command == "serve" || command?.hasPrefix("-") == true
        config.publishesCheckpoints = serving
        // restore replaces the database file, so it runs before anything opens it
        if command == "restore" {
            guard let file = env.arguments.dropFirst(2).first else {
                FileHandle.standardError.write(Data("bimeh: usage: bimeh restore FILE\n".utf8))
                return 2
            }
            do {
                print(try RestoreDatabase.run(file: file, storage: config.storage))
                if case .postgres = config.storage {
                    // a backup taken while serving holds the records written but not yet chained;
                    // no server drains the restored database until one starts, so chain them now
                    let app = try await Application.make(env)
                    do {
                        try await configure(app, config: config)
                        let chained = try await AuditSequencer.drain(on: app.db)
                        try await app.asyncShutdown()
                        if chained > 0 { print("Chained \(chained) audit records the backup held unnumbered.") }
                    } catch {
                        try? await app.asyncShutdown()
                        throw error
                    }
                }
                return 0
            } catch {
                FileHandle.standardError.write(Data("bimeh: \(error)\n".utf8))
                return 1
            }
        }
        var serveLock: SQLiteServeLock?
        if serving, case .sqlite(let path) = config.storage {
            do { serveLock = try SQLiteServeLock.acquire(path: path) } catch {
                FileHandle.standardError.write(Data("bimeh: \(error)\n".utf8))
                return 1
            }
        }
        defer { withExtendedLifetime(serveLock) {} }
        do {
            let app = try await Application.make(env)
            do {
                try await configure(app, config: config)
                // every command may be the first one run on a fresh database: its tables exist
                // before the app boots (booting installs the stored tariff files)
                try await app.autoMigrate()
                if serving, demo { try await DemoData.seed(app) }
                try await app.execute()
                try await app.asyncShutdown()
                return 0
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        } catch let exit as ExitCode {
            return exit.code
        } catch {
            FileHandle.standardError.write(Data("bimeh: \(error)\n".utf8))
            return 1
        }
    }
}
