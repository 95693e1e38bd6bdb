import Fluent
import InsuranceKit
import Vapor

/// The driving licence form of the policy page (R-TP-02): a seller registers the licence of a
/// user of the vehicle before issue; the authority is asked before the transaction.
extension PolicyPages {
    struct LicenceForm: Content {
        var number: String?
        var `class`: String?
        var expiry: String?
        var holderName: String?
        var holderNationalCode: String?
    }

    @Sendable func licence(req: Request) async throws -> Response {
        let form = (try? req.content.decode(LicenceForm.self)) ?? LicenceForm()
        let input = RegisterLicence.Input(number: form.number, licenceClass: form.class, expiry: form.expiry,
                                          holderName: form.holderName, holderNationalCode: form.holderNationalCode)
        let id = req.parameters.get("id", as: UUID.self)
        let authority = req.bimeh.licenceAuthority, today = req.bimeh.clock.today()
        return try await act(req, done: "licence", before: { principal in
            let request = try RegisterLicence(input).request
            guard let id else { throw AppError.notFound("بیمه‌نامه") }
            try await ThirdPartyDesk.confirmLicence(request, policyID: id, principal: principal, authority: authority,
                                                    today: today, client: req.client, on: req.db)
        }) { principal, work in
            guard let id else { throw AppError.notFound("بیمه‌نامه") }
            _ = try await ThirdPartyDesk.registerLicence(try RegisterLicence(input).request, policyID: id, principal: principal, in: work)
        }
    }
}
