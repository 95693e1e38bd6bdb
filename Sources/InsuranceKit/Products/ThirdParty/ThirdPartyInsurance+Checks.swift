/// Tariff-bound checks on third-party inputs; problems go to the reader so they are reported
/// together with the shape errors.
extension ThirdPartyInsurance {
    /// The tariff of the issue year, after checking the inputs against it: known vehicle class
    /// and usage, financial cover (R-TP-09), a plate of the vehicle's kind, public transport only
    /// for buses (R-TP-05), and a previous policy that cannot end more than a year after the new
    /// issue date (a policy lasts at most a year). nil when the year has no tariff.
    static func checkTariffBounds(_ inputs: ThirdPartyInputs, into reader: inout InputReader) -> ThirdPartyTariff? {
        let tariff: ThirdPartyTariff
        do {
            tariff = try ThirdPartyTariff.forYear(inputs.issueDate.year)
        } catch let error as DomainError {
            reader.fail(error, at: "inputs.issueDate")
            return nil
        } catch {
            return nil
        }
        var vehicle: ThirdPartyTariff.VehicleClass?
        do { vehicle = try tariff.vehicleClass(inputs.vehicleClass) } catch let e as DomainError {
            reader.fail(e, at: "inputs.vehicleClass")
        } catch {}
        do { _ = try tariff.usage(inputs.usage) } catch let e as DomainError {
            reader.fail(e, at: "inputs.usage")
        } catch {}
        do { _ = try financialCover(inputs.financialCover, tariff: tariff) } catch let e as DomainError {
            reader.fail(e, at: "inputs.financialCover")
        } catch {}
        // a motorcycle carries a motorcycle plate (city code and number), every other vehicle a car plate
        if let vehicle, let plate = inputs.vehicle?.plate ?? inputs.plate.flatMap({ try? IranianPlate(parsing: $0) }),
           (vehicle.kind == .motorcycle) != (plate.kind == .motorcycle) {
            reader.fail("plate-kind-mismatch",
                        vehicle.kind == .motorcycle ? "پلاک موتورسیکلت سه رقم و پنج رقم است («۱۲۳-۴۵۶۷۸»)."
                            : "پلاک «\(plate.display)» پلاک موتورسیکلت است؛ پلاک خودرو دو رقم، یک حرف، سه رقم و کد شهر دارد.",
                        at: inputs.vehicle == nil ? "inputs.plate" : "inputs.vehicle.plate")
        }
        if inputs.publicTransport, let vehicle, vehicle.kind != .bus {
            reader.fail("public-transport-not-eligible",
                        "تخفیف حمل‌ونقل عمومی فقط برای اتوبوس و مینی‌بوس درون‌شهری (بیش از ۶ سرنشین) است.",
                        at: "inputs.publicTransport")
        }
        if let previousEnd = inputs.previousPolicyEndDate, previousEnd > inputs.issueDate.addingYears(1) {
            reader.fail("invalid-previous-policy-end",
                        "تاریخ پایان بیمه‌نامهٔ قبلی نمی‌تواند بیش از یک سال پس از تاریخ صدور باشد.",
                        at: "inputs.previousPolicyEndDate")
        }
        return tariff
    }
}
