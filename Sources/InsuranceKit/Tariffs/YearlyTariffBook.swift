import Foundation

/// A product's yearly tariff that can arrive as a file (`bimeh tariffs load`): read, checked,
/// compared with the tariff it replaces, and installed over the built-in data of its year.
public protocol YearlyTariff: Codable, Sendable {
    var year: Int { get }
    /// Throws "invalid-tariff" with a Persian message naming the first inconsistency.
    func validate() throws
    /// The tariff in force for a year: a loaded file wins over the built-in data.
    static func forYear(_ year: Int) throws -> Self
    /// Tariffs loaded from files at run time.
    static var book: YearlyTariffBook<Self> { get }
    /// What changes from `old` to `new`, one line each, for the administrator loading a file.
    static func changes(from old: Self, to new: Self) -> [String]
    /// One line describing a first tariff (nothing to compare with).
    var firstTariffSummary: String { get }
}

/// The tariffs of one product loaded from files, by year. Validated before installing, so pricing
/// never sees an inconsistent tariff; a refused file leaves the installed one untouched.
public final class YearlyTariffBook<Tariff: YearlyTariff>: @unchecked Sendable {
    private let lock = NSLock()
    private var tariffs: [Int: Tariff] = [:]

    public init() {}

    /// Checks and installs a tariff (replacing a loaded one of the same year).
    public func install(_ tariff: Tariff) throws {
        try tariff.validate()
        lock.withLock { tariffs[tariff.year] = tariff }
    }

    /// Drops a loaded tariff; the built-in one (if any) applies again.
    public func remove(year: Int) {
        lock.withLock { _ = tariffs.removeValue(forKey: year) }
    }

    public func loaded(year: Int) -> Tariff? {
        lock.withLock { tariffs[year] }
    }

    /// Reads a tariff file (the JSON `export` writes) and validates it: "invalid-tariff" when
    /// the file is not a tariff of this product or its figures are inconsistent.
    public func read(_ data: Data) throws -> Tariff {
        let tariff: Tariff
        do { tariff = try JSONDecoder().decode(Tariff.self, from: data) } catch let error as DomainError {
            throw error
        } catch {
            throw DomainError(code: "invalid-tariff", message: "فایل تعرفه خوانا نیست یا تعرفهٔ این رشته نیست: \(Self.describe(error))", field: "file")
        }
        try tariff.validate()
        return tariff
    }

    /// The JSON of a tariff file: sorted keys, so two files compare line by line.
    public func export(_ tariff: Tariff) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(tariff)
    }

    /// A decoding error as one line: which key is missing or of the wrong type, and where.
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "JSON نامعتبر" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch decoding {
        case .keyNotFound(let key, let context): return "کلید «\((path(context).isEmpty ? "" : path(context) + ".") + key.stringValue)» نیامده است"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "مقدار «\(path(context))» از نوع درست نیست"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "JSON نامعتبر" : "مقدار «\(path(context))» نامعتبر است"
        @unknown default: return "JSON نامعتبر"
        }
    }
}
