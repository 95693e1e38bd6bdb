/// The body of `GET /api/v1/tariffs/third-party/{year}` (API.md): `{year, vehicleClasses:[{code,
/// label, basePremium}], usages:[{code, label, surchargePercent}], amnestyWindows:[{from, to}]}`,
/// plus `isSample` so clients can label sample figures (section T).
public struct ThirdPartyTariffDocument: Codable, Sendable, Hashable {
    public struct VehicleClass: Codable, Sendable, Hashable {
        public let code: String
        public let label: String
        public let basePremium: Rial
    }

    public struct Usage: Codable, Sendable, Hashable {
        public let code: String
        public let label: String
        public let surchargePercent: Percent
    }

    public struct Window: Codable, Sendable, Hashable {
        public let from: JalaliDate
        public let to: JalaliDate
    }

    public let year: Int
    public let isSample: Bool
    public let vehicleClasses: [VehicleClass]
    public let usages: [Usage]
    public let amnestyWindows: [Window]

    public init(_ tariff: ThirdPartyTariff) {
        year = tariff.year
        isSample = tariff.isSample
        vehicleClasses = tariff.vehicleClasses.map { VehicleClass(code: $0.code, label: $0.label, basePremium: $0.basePremium) }
        usages = tariff.usages.map { Usage(code: $0.code, label: $0.label, surchargePercent: $0.surchargePercent) }
        amnestyWindows = tariff.amnestyWindows.map { Window(from: $0.lowerBound, to: $0.upperBound) }
    }
}
