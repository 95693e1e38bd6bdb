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
        var reader = FieldReader()
        let licenceClass = DrivingLicenceClass(rawValue: form.class ?? "")
        if licenceClass == nil { reader.add("class", "invalid-licence-class", "پایهٔ گواهینامه را انتخاب کنید.") }
        let expiry = reader.date(form.expiry, "اعتبار گواهینامه")
        let holder = reader.text(form.holderName, "نام دارنده", max: 200)
        var code: NationalCode?
        do { code = try NationalCode(form.holderNationalCode ?? "") } catch let e as DomainError { reader.add("holderNationalCode", e.code, e.message) }
        let number = Normalize.identifier(form.number ?? "")
        let id = req.parameters.get("id", as: UUID.self)
        let validation = reader
        var filled: ThirdPartyDesk.LicenceRequest?
        if let licenceClass, let expiry, let holder, let code {
            filled = .init(licence: DrivingLicence(number: number, licenceClass: licenceClass, expiry: expiry), holderName: holder, holderNationalCode: code)
        }
        let request = filled
        let authority = req.bimeh.licenceAuthority, today = req.bimeh.clock.today()
        return try await act(req, done: "licence", before: { principal in
            try validation.throwIfAny()
            guard let request, let id else { throw AppError.malformedJSON }
            try await ThirdPartyDesk.confirmLicence(request, policyID: id, principal: principal, authority: authority,
                                                    today: today, client: req.client, on: req.db)
        }) { principal, work in
            guard let request, let id else { throw AppError.malformedJSON }
            _ = try await ThirdPartyDesk.registerLicence(request, policyID: id, principal: principal, in: work)
        }
    }
}
