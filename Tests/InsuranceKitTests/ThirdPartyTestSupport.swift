import Foundation
import Testing
@testable import InsuranceKit

/// Third-party `inputs` JSON: a plain private 4-cylinder car issued 1404/03/01 with every API
/// field at its neutral value, `changes` replacing or adding raw JSON values, `removing` dropping
/// fields. Keys are sorted so the text is stable.
func tpInputs(_ changes: [String: String] = [:], removing: Set<String> = []) -> String {
    var fields: [String: String] = [
        "vehicleClass": #""car-4-cyl""#, "usage": #""private""#, "issueDate": #""1404/03/01""#,
        "claimFreeYears": "0", "financialClaims": "0", "bodilyClaims": "0", "vehicleAgeYears": "0",
        "negativePoints": "0", "firstRegistration": "false", "safeDrivingCourse": "false",
        "missingInspection": "false", "extraTrailers": "0", "financialCover": "0", "driverAccident": "false",
    ]
    fields.merge(changes) { _, new in new }
    for name in removing { fields[name] = nil }
    return "{" + fields.keys.sorted().map { #""\#($0)":\#(fields[$0]!)"# }.joined(separator: ",") + "}"
}

/// Quotes third-party insurance from raw `inputs` JSON (quote date 1404/03/01 unless told).
func tpQuote(_ inputs: String, on date: String = "1404/03/01") throws -> ProductQuote {
    try ThirdPartyInsurance().quote(inputs: Data(inputs.utf8), context: QuoteContext(date: jalali(date)))
}

/// Every error a third-party quote reports (one DomainError or a ValidationFailure's list);
/// records a failure when the quote succeeds or throws anything else.
func tpErrors(_ inputs: String, sourceLocation: SourceLocation = #_sourceLocation) -> [DomainError] {
    do {
        _ = try tpQuote(inputs)
        Issue.record("expected the quote to fail", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        return [error]
    } catch let failure as ValidationFailure {
        return failure.errors
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
    return []
}

/// The amount of a line, nil when the quote has no such line.
func tpAmount(_ quote: ProductQuote, _ code: String) -> Int64? {
    quote.line(code)?.amount.amount
}
