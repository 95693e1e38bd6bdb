import Foundation

/// What a third-party policy insures, as the vehicle card gives it (R-TP-01, R-TP-13): the
/// `vehicle` object of the inputs, `{plate, vin?, chassisNumber?, engineNumber, make, model,
/// modelYear}`. Never a pricing factor. Optional in a quote, required before issue; when given it
/// is given whole (one document, entered at once), with a VIN or, for a vehicle without one, a
/// chassis number.
public struct VehicleDetails: Codable, Sendable, Hashable {
    public var plate: IranianPlate
    public var vin: VIN?
    public var chassisNumber: String?
    public var engineNumber: String
    /// The maker as written on the card («ایران خودرو», «سایپا»).
    public var make: String
    /// The model («پژو ۲۰۶ تیپ ۵»).
    public var model: String
    /// Jalali or Gregorian, as on the card (see `ModelYear`).
    public var modelYear: Int

    public init(plate: IranianPlate, vin: VIN? = nil, chassisNumber: String? = nil, engineNumber: String,
                make: String, model: String, modelYear: Int) {
        self.plate = plate
        self.vin = vin
        self.chassisNumber = chassisNumber
        self.engineNumber = engineNumber
        self.make = make
        self.model = model
        self.modelYear = modelYear
    }

    public static let maxNameLength = 40
    static let fieldNames: Set<String> = ["plate", "vin", "chassisNumber", "engineNumber", "make", "model", "modelYear"]

    /// What anyone who holds the unique code may see (R-TP-13). CHOSEN: make, model and year
    /// as they are (they name no one); the plate with its letter, region and last two digits;
    /// the VIN or chassis number by its last four characters; the engine number not at all.
    public struct Public: Codable, Sendable, Hashable {
        public var plate: String
        public var vin: String?
        public var chassisNumber: String?
        public var make: String
        public var model: String
        public var modelYear: Int
    }

    public var masked: Public {
        Public(plate: plate.masked, vin: vin?.masked, chassisNumber: chassisNumber.map { Self.maskAllButLast(4, of: $0) },
               make: make, model: model, modelYear: modelYear)
    }

    /// `value` with all but its last `count` characters replaced by "*".
    static func maskAllButLast(_ count: Int, of value: String) -> String {
        String(repeating: "*", count: max(0, value.count - count)) + value.suffix(count)
    }

    /// Reads the `vehicle` object at `path` ("inputs.vehicle"); every problem goes to the reader.
    /// `purchaseDay` bounds the model year; without it (a bad issue date, already reported) the
    /// year is not checked. nil when absent, null, or any member is wrong.
    static func parse(_ value: JSONInput?, at path: String, purchaseDay: JalaliDate?,
                      into reader: inout InputReader) -> VehicleDetails? {
        guard let value, !value.isNull else { return nil }
        guard let f = reader.object(value, at: path, allowed: fieldNames) else { return nil }
        let before = reader.errors.count
        let plate = reader.requiredText(f["plate"], at: "\(path).plate", label: "شمارهٔ پلاک", maxLength: 64)
            .flatMap { text in Self.read(at: "\(path).plate", &reader) { try IranianPlate(parsing: text) } }
        let identityErrors = reader.errors.count
        let vin = reader.optionalText(f["vin"], at: "\(path).vin", label: "شمارهٔ شناسایی (VIN)", maxLength: 64)
            .flatMap { text in Self.read(at: "\(path).vin", &reader) { try VIN(parsing: text) } }
        let chassis = reader.optionalText(f["chassisNumber"], at: "\(path).chassisNumber", label: "شمارهٔ شاسی", maxLength: 64)
            .flatMap { text in Self.read(at: "\(path).chassisNumber", &reader) { try VehicleNumbers.chassisNumber(text) } }
        if vin == nil, chassis == nil, reader.errors.count == identityErrors {
            reader.fail("required", "شمارهٔ شناسایی خودرو (VIN) یا، اگر خودرو VIN ندارد، شمارهٔ شاسی را وارد کنید.", at: "\(path).vin")
        }
        let engine = reader.requiredText(f["engineNumber"], at: "\(path).engineNumber", label: "شمارهٔ موتور", maxLength: 64)
            .flatMap { text in Self.read(at: "\(path).engineNumber", &reader) { try VehicleNumbers.engineNumber(text) } }
        let make = reader.requiredText(f["make"], at: "\(path).make", label: "سازندهٔ خودرو", maxLength: maxNameLength)
        let model = reader.requiredText(f["model"], at: "\(path).model", label: "مدل خودرو", maxLength: maxNameLength)
        var year = ThirdPartyInputReading.integer(f["modelYear"], at: "\(path).modelYear", label: "سال ساخت",
                                                  range: -1_000_000...1_000_000, &reader)
        if let y = year, let purchaseDay {
            year = Self.read(at: "\(path).modelYear", &reader) { _ = try ModelYear.calendar(of: y, purchaseDay: purchaseDay); return y }
        }
        guard let plate, let engine, let make, let model, let year, vin != nil || chassis != nil,
              reader.errors.count == before else { return nil }
        return VehicleDetails(plate: plate, vin: vin, chassisNumber: chassis, engineNumber: engine,
                              make: make, model: model, modelYear: year)
    }

    private static func read<T>(at path: String, _ reader: inout InputReader, _ parse: () throws -> T) -> T? {
        do { return try parse() } catch let error as DomainError {
            reader.fail(error, at: path)
        } catch {
            reader.fail("invalid-value", "مقدار نادرست است.", at: path)
        }
        return nil
    }
}
