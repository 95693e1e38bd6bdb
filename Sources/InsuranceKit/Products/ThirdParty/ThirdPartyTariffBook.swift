import Foundation

/// Third-party tariffs loaded from files at run time (`bimeh tariffs load`), each replacing the
/// built-in tariff of its year: next year's tariff arrives as a file, not as a new release.
public enum ThirdPartyTariffBook {
    static let book = YearlyTariffBook<ThirdPartyTariff>()

    public static func install(_ tariff: ThirdPartyTariff) throws { try book.install(tariff) }
    public static func remove(year: Int) { book.remove(year: year) }
    static func loaded(year: Int) -> ThirdPartyTariff? { book.loaded(year: year) }
    public static func read(_ data: Data) throws -> ThirdPartyTariff { try book.read(data) }
    public static func export(_ tariff: ThirdPartyTariff) throws -> Data { try book.export(tariff) }
}

extension ThirdPartyTariff: YearlyTariff {
    public static var book: YearlyTariffBook<ThirdPartyTariff> { ThirdPartyTariffBook.book }

    public static func changes(from old: ThirdPartyTariff, to new: ThirdPartyTariff) -> [String] {
        ThirdPartyTariffDiff.changes(from: old, to: new)
    }

    public var firstTariffSummary: String { "+ a first tariff: \(vehicleClasses.count) classes" }
}
