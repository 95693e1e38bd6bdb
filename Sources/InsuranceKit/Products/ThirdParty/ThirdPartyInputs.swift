import Foundation

/// Validated third-party inputs (API.md: `{vehicleClass, usage, issueDate, previousPolicyEndDate?,
/// claimFreeYears, financialClaims, bodilyClaims, vehicleAgeYears, negativePoints,
/// firstRegistration, safeDrivingCourse, missingInspection, extraTrailers, financialCover,
/// driverAccident}`, plus two optional fields of ours: `policyMonths` (1…12, default 12: only a
/// 12-month policy gets the R-TP-08 amnesty) and `publicTransport` (default false: urban public
/// transport with more than 6 seats, R-TP-05; bus classes only). Encoded with sorted keys this is
/// the quote's `normalizedInputs` (defaults and the effective financial cover filled in), and it
/// decodes again as valid `inputs`.
public struct ThirdPartyInputs: Codable, Sendable, Hashable {
    /// R-TP-04: a tariff vehicle class code ("car-4-cyl").
    public var vehicleClass: String
    /// R-TP-05: a tariff usage code ("private", "taxi-urban" …).
    public var usage: String
    /// The day of purchase; its Jalali year selects the tariff and the diya (R-TP-09), and cover
    /// starts the next day (R-TP-03).
    public var issueDate: JalaliDate
    /// R-TP-08: end date of the previous third-party policy; absent for a vehicle never insured
    /// before (a new vehicle: no late penalty).
    public var previousPolicyEndDate: JalaliDate?
    /// R-TP-06, carried over between insurers.
    public var claimFreeYears: Int
    public var financialClaims: Int
    public var bodilyClaims: Int
    /// R-TP-05: whole years since manufacture.
    public var vehicleAgeYears: Int
    /// R-TP-05: the holder's negative driving points.
    public var negativePoints: Int
    public var firstRegistration: Bool
    public var safeDrivingCourse: Bool
    public var missingInspection: Bool
    public var extraTrailers: Int
    /// R-TP-09: rials; 0 in a request means the legal minimum, which the normalized inputs show.
    public var financialCover: Rial
    public var driverAccident: Bool
    public var policyMonths: Int
    public var publicTransport: Bool
    /// What the policy insures (plate, VIN or chassis, engine, make, model, year): optional in a
    /// quote, required before issue, never a pricing factor.
    public var vehicle: VehicleDetails?
    /// A plate known before the vehicle's other details (canonical, `IranianPlate`). In a request,
    /// a top-level `plate` is also the plate-change endorsement's change (R-TP-12): with vehicle
    /// details it replaces `vehicle.plate` and is not kept here.
    public var plate: String?

    public init(vehicleClass: String, usage: String, issueDate: JalaliDate, previousPolicyEndDate: JalaliDate? = nil,
                claimFreeYears: Int = 0, financialClaims: Int = 0, bodilyClaims: Int = 0, vehicleAgeYears: Int = 0,
                negativePoints: Int = 0, firstRegistration: Bool = false, safeDrivingCourse: Bool = false,
                missingInspection: Bool = false, extraTrailers: Int = 0, financialCover: Rial = .zero,
                driverAccident: Bool = false, policyMonths: Int = 12, publicTransport: Bool = false,
                vehicle: VehicleDetails? = nil, plate: String? = nil) {
        self.vehicleClass = vehicleClass
        self.usage = usage
        self.issueDate = issueDate
        self.previousPolicyEndDate = previousPolicyEndDate
        self.claimFreeYears = claimFreeYears
        self.financialClaims = financialClaims
        self.bodilyClaims = bodilyClaims
        self.vehicleAgeYears = vehicleAgeYears
        self.negativePoints = negativePoints
        self.firstRegistration = firstRegistration
        self.safeDrivingCourse = safeDrivingCourse
        self.missingInspection = missingInspection
        self.extraTrailers = extraTrailers
        self.financialCover = financialCover
        self.driverAccident = driverAccident
        self.policyMonths = policyMonths
        self.publicTransport = publicTransport
        self.vehicle = vehicle
        self.plate = plate
    }

    // CHOSEN bounds (the SPEC gives none): wide enough for any real vehicle; the capped factors
    // reach their caps long before.
    public static let yearsRange = 0...100
    public static let claimsRange = 0...100
    public static let vehicleAgeRange = 0...150
    public static let negativePointsRange = 0...1_000
    public static let extraTrailersRange = 0...10
    public static let policyMonthsRange = 1...12
    public static let maxCodeLength = 64

    /// Canonical JSON: sorted keys, no escaped slashes, an absent previous end date omitted.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension ThirdPartyInputs {
    static let fieldNames: Set<String> = [
        "vehicleClass", "usage", "issueDate", "previousPolicyEndDate", "claimFreeYears", "financialClaims",
        "bodilyClaims", "vehicleAgeYears", "negativePoints", "firstRegistration", "safeDrivingCourse",
        "missingInspection", "extraTrailers", "financialCover", "driverAccident", "policyMonths", "publicTransport", "plate",
        "vehicle",
    ]

    /// Parses API.md `inputs`, checking each field's shape (tariff-bound checks are the
    /// product's). Collects every problem in `reader`; only malformed JSON throws. nil when any
    /// field is missing or wrong.
    static func parse(_ data: Data, into reader: inout InputReader) throws -> ThirdPartyInputs? {
        let root = try JSONInput.parse(data)
        guard let f = reader.object(root, at: "inputs", allowed: fieldNames) else { return nil }
        typealias R = ThirdPartyInputReading
        let vehicleClass = reader.requiredText(f["vehicleClass"], at: "inputs.vehicleClass",
                                               label: "نوع وسیلهٔ نقلیه", maxLength: maxCodeLength)
        let usage = reader.requiredText(f["usage"], at: "inputs.usage", label: "کاربری", maxLength: maxCodeLength)
        let issueDate = R.date(f["issueDate"], at: "inputs.issueDate", label: "تاریخ صدور", required: true, &reader)
        let previousEnd = R.date(f["previousPolicyEndDate"], at: "inputs.previousPolicyEndDate",
                                 label: "تاریخ پایان بیمه‌نامهٔ قبلی", required: false, &reader)
        let claimFreeYears = R.integer(f["claimFreeYears"], at: "inputs.claimFreeYears",
                                       label: "سال‌های عدم خسارت", range: yearsRange, &reader)
        let financialClaims = R.integer(f["financialClaims"], at: "inputs.financialClaims",
                                        label: "تعداد خسارت‌های مالی", range: claimsRange, &reader)
        let bodilyClaims = R.integer(f["bodilyClaims"], at: "inputs.bodilyClaims",
                                     label: "تعداد خسارت‌های بدنی", range: claimsRange, &reader)
        let age = R.integer(f["vehicleAgeYears"], at: "inputs.vehicleAgeYears", label: "عمر خودرو",
                            range: vehicleAgeRange, &reader)
        let points = R.integer(f["negativePoints"], at: "inputs.negativePoints", label: "نمرهٔ منفی",
                               range: negativePointsRange, &reader)
        let firstRegistration = R.bool(f["firstRegistration"], at: "inputs.firstRegistration", required: true, &reader)
        let safeDriving = R.bool(f["safeDrivingCourse"], at: "inputs.safeDrivingCourse", required: true, &reader)
        let missingInspection = R.bool(f["missingInspection"], at: "inputs.missingInspection", required: true, &reader)
        let trailers = R.integer(f["extraTrailers"], at: "inputs.extraTrailers", label: "تعداد یدک اضافه",
                                 range: extraTrailersRange, &reader)
        let cover = R.nonNegativeRial(f["financialCover"], at: "inputs.financialCover", label: "پوشش مالی", &reader)
        let driverAccident = R.bool(f["driverAccident"], at: "inputs.driverAccident", required: true, &reader)
        let errorsBefore = reader.errors.count
        let months = R.integer(f["policyMonths"], at: "inputs.policyMonths", label: "مدت بیمه‌نامه (ماه)",
                               range: policyMonthsRange, required: false, &reader)
            ?? (reader.errors.count == errorsBefore ? 12 : nil)
        let publicTransport = R.bool(f["publicTransport"], at: "inputs.publicTransport", required: false, &reader) ?? false
        var plate: IranianPlate?
        if let text = reader.optionalText(f["plate"], at: "inputs.plate", label: "شمارهٔ پلاک", maxLength: 64) {
            do { plate = try IranianPlate(parsing: text) } catch let error as DomainError { reader.fail(error, at: "inputs.plate") }
        }
        var vehicle = VehicleDetails.parse(f["vehicle"], at: "inputs.vehicle", purchaseDay: issueDate, into: &reader)
        if let plate, vehicle != nil { vehicle?.plate = plate }
        guard let vehicleClass, let usage, let issueDate, let claimFreeYears, let financialClaims, let bodilyClaims,
              let age, let points, let firstRegistration, let safeDriving, let missingInspection, let trailers,
              let cover, let driverAccident, let months else { return nil }
        if f["previousPolicyEndDate"].map({ !$0.isNull }) == true, previousEnd == nil { return nil }
        return ThirdPartyInputs(
            vehicleClass: vehicleClass, usage: usage, issueDate: issueDate, previousPolicyEndDate: previousEnd,
            claimFreeYears: claimFreeYears, financialClaims: financialClaims, bodilyClaims: bodilyClaims,
            vehicleAgeYears: age, negativePoints: points, firstRegistration: firstRegistration,
            safeDrivingCourse: safeDriving, missingInspection: missingInspection, extraTrailers: trailers,
            financialCover: cover, driverAccident: driverAccident, policyMonths: months,
            publicTransport: publicTransport, vehicle: vehicle, plate: vehicle == nil ? plate?.canonical : nil)
    }
}
