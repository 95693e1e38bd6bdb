import Foundation

/// Tariffs loaded from files at run time (`bimeh tariffs load`), each replacing the built-in tariff
/// of its year: next year's tariff arrives as a file, not as a new release. Validated before it is
/// installed, so pricing never sees an inconsistent tariff.
public enum ThirdPartyTariffBook {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var tariffs: [Int: ThirdPartyTariff] = [:]

    /// Checks and installs a tariff (replacing a loaded one of the same year).
    public static func install(_ tariff: ThirdPartyTariff) throws {
        try tariff.validate()
        lock.withLock { tariffs[tariff.year] = tariff }
    }

    /// Drops a loaded tariff; the built-in one (if any) applies again.
    public static func remove(year: Int) {
        lock.withLock { _ = tariffs.removeValue(forKey: year) }
    }

    static func loaded(year: Int) -> ThirdPartyTariff? {
        lock.withLock { tariffs[year] }
    }

    /// Reads a tariff file (the JSON `export` writes) and validates it.
    public static func read(_ data: Data) throws -> ThirdPartyTariff {
        let tariff: ThirdPartyTariff
        do { tariff = try JSONDecoder().decode(ThirdPartyTariff.self, from: data) } catch let error as DomainError {
            throw error
        } catch {
            throw DomainError(code: "invalid-tariff", message: "فایل تعرفه خوانا نیست: \(error)", field: "file")
        }
        try tariff.validate()
        return tariff
    }

    /// The JSON of a tariff file: sorted keys, so two files compare line by line.
    public static func export(_ tariff: ThirdPartyTariff) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(tariff)
    }
}
