import Foundation
import InsuranceKit

/// In-process third-party quotes on one core: the pricing itself, without HTTP or database.
enum QuoteThroughput {
    static func run(count: Int) -> Never {
        let product = ThirdPartyInsurance()
        let context = QuoteContext(date: try! JalaliDate(year: 1405, month: 1, day: 10))
        // a varied set of inputs, encoded once: the loop measures validation and pricing
        let classes = ["car-4-cyl", "car-over-4-cyl", "car-under-4-cyl", "motorcycle-1-cyl"]
        let bodies: [Data] = (0..<64).map { i in
            let inputs: [String: Any] = [
                "vehicleClass": classes[i % classes.count], "usage": i % 3 == 0 ? "taxi-urban" : "private", "issueDate": "1405/01/10",
                "previousPolicyEndDate": "1404/12/\(10 + i % 19)", "claimFreeYears": i % 16, "financialClaims": i % 3, "bodilyClaims": i % 2,
                "vehicleAgeYears": i % 30, "negativePoints": i % 45, "firstRegistration": i % 5 == 0, "safeDrivingCourse": i % 4 == 0,
                "missingInspection": i % 7 == 0, "extraTrailers": i % 2, "financialCover": 0, "driverAccident": i % 2 == 0,
            ]
            return try! JSONSerialization.data(withJSONObject: inputs)
        }
        var checksum: Int64 = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<count {
            guard let quote = try? product.quote(inputs: bodies[i % bodies.count], context: context) else {
                print("quote \(i) failed"); exit(1)
            }
            checksum &+= quote.total.amount
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("in-process third-party quotes from JSON inputs (validate + price + canonical JSON): \(count) in \(String(format: "%.2f", seconds)) s = \(String(format: "%.0f", Double(count) / seconds)) quotes/s on one core")

        // pricing alone, from validated inputs: the R-TP-04…09 arithmetic with every line
        let tariff = try! ThirdPartyTariff.forYear(1405)
        let validated: [ThirdPartyInputs] = (0..<64).map { i in
            ThirdPartyInputs(vehicleClass: classes[i % classes.count], usage: i % 3 == 0 ? "taxi-urban" : "private",
                             issueDate: context.date, previousPolicyEndDate: try! JalaliDate(year: 1404, month: 12, day: 10 + i % 19),
                             claimFreeYears: i % 16, financialClaims: i % 3, bodilyClaims: i % 2, vehicleAgeYears: i % 30,
                             negativePoints: i % 45, firstRegistration: i % 5 == 0, safeDrivingCourse: i % 4 == 0,
                             missingInspection: i % 7 == 0, extraTrailers: i % 2, driverAccident: i % 2 == 0)
        }
        let pricingCount = count * 10
        let pricingStart = DispatchTime.now().uptimeNanoseconds
        for i in 0..<pricingCount {
            guard let lines = try? ThirdPartyInsurance.premiumLines(validated[i % validated.count], tariff: tariff) else {
                print("pricing \(i) failed"); exit(1)
            }
            for line in lines { checksum &+= line.amount.amount }
        }
        let pricingSeconds = Double(DispatchTime.now().uptimeNanoseconds - pricingStart) / 1e9
        print("in-process third-party pricing from validated inputs: \(pricingCount) in \(String(format: "%.2f", pricingSeconds)) s = \(String(format: "%.0f", Double(pricingCount) / pricingSeconds)) quotes/s on one core (checksum \(checksum))")
        exit(0)
    }
}
