import InsuranceKit
import Vapor

/// Registering a natural or legal person (R-G-05, R-G-08): the API and the customer form read the
/// same fields with the same rules.
enum RegisterCustomer {
    struct Input: Content, StrictRequestBody {
        static let fields: Set<String> = ["kind", "nationalCode", "foreignId", "firstName", "lastName", "birthDate", "mobile", "legalId", "name"]
        var kind: String?
        var nationalCode: String?
        var foreignId: String?
        var firstName: String?
        var lastName: String?
        var birthDate: String?
        var mobile: String?
        var legalId: String?
        var name: String?
    }

    static func fields(_ body: Input, today: JalaliDate) throws -> CustomerFields {
        switch body.kind {
        case "natural":
            let form = NaturalPersonForm(nationalCode: body.nationalCode, foreignID: body.foreignId, firstName: body.firstName,
                                         lastName: body.lastName, birthDate: body.birthDate, mobile: body.mobile)
            switch PartyRegistration.validate(form, today: today) {
            case .success(let person): return CustomerFields(person)
            case .failure(let failure): throw AppError.validation(failure.errors.map(FieldError.init))
            }
        case "legal":
            switch PartyRegistration.validate(LegalPersonForm(legalID: body.legalId, name: body.name)) {
            case .success(let company): return CustomerFields(company)
            case .failure(let failure): throw AppError.validation(failure.errors.map(FieldError.init))
            }
        default:
            throw AppError.validation([FieldError(field: "kind", code: "invalid-kind", message: "نوع مشتری باید «natural» (حقیقی) یا «legal» (حقوقی) باشد.")])
        }
    }
}
