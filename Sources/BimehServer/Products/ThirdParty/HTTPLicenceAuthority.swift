import Foundation
import InsuranceKit
import Vapor

/// The licence authority's service (R-TP-02), asked after the local checks pass (a licence we can
/// refuse here costs the authority nothing). POST `{number, class, expiry, holderNationalCode}`;
/// 200 `{"valid": true}` accepts, `{"valid": false, "reason": "…"}` refuses with the reason. Any
/// other answer, or none within the timeout, leaves the licence unconfirmed: the registration is
/// refused as unavailable rather than let through, since an invalid licence must block issue.
struct HTTPLicenceAuthority: LicenceAuthority {
    let endpoint: String
    var timeout: TimeInterval = 5
    var local = LocalLicenceChecks()

    private struct Query: Content {
        var number: String
        var `class`: String
        var expiry: String
        var holderNationalCode: String
    }

    func verify(_ licence: DrivingLicence, holder: NationalCode, vehicleClass: ThirdPartyTariff.VehicleClass,
                on date: JalaliDate, client: any Client) async throws {
        try await local.verify(licence, holder: holder, vehicleClass: vehicleClass, on: date, client: client)
        let query = Query(number: licence.number, class: licence.licenceClass.rawValue, expiry: licence.expiry.description,
                          holderNationalCode: holder.value)
        let response: ClientResponse
        do {
            response = try await client.post(URI(string: endpoint)) { request in
                request.timeout = .milliseconds(Int64(timeout * 1000))
                try request.content.encode(query, as: .json)
            }
        } catch {
            throw Self.unavailable
        }
        guard (200..<300).contains(response.status.code),
              let body = response.body.map({ Data($0.readableBytesView) }),
              let answer = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let valid = answer["valid"] as? Bool else {
            throw Self.unavailable
        }
        guard valid else { throw Self.rejected(reason: answer["reason"] as? String) }
    }

    static let unavailable = AppError(
        .serviceUnavailable, code: "licence-authority-unavailable",
        detail: "استعلام گواهینامه از مرجع صدور ممکن نشد و گواهینامه ثبت نشد؛ بیمه‌نامه بدون تأیید گواهینامه صادر نمی‌شود. کمی بعد دوباره تلاش کنید.")

    /// The authority's own words, trimmed to a sensible length, follow our sentence.
    static func rejected(reason: String?) -> AppError {
        let reason = Normalize.text(reason ?? "").prefix(300)
        let message = "مرجع صدور گواهینامه این گواهینامه را تأیید نکرد" + (reason.isEmpty ? "." : ": \(reason)")
        return AppError(.unprocessableEntity, code: "licence-rejected", detail: message,
                        errors: [FieldError(field: "licence", code: "licence-rejected", message: message)])
    }
}
