import InsuranceKit
import Vapor

/// Editing a customer's details (issue #16): the API's PATCH and the customer file's form read
/// the same fields with the same rules. A field left out stays as it is; an empty one is cleared.
enum EditCustomer {
    struct Input: Content, StrictRequestBody {
        static let fields: Set<String> = ["fatherName", "sex", "address", "postalCode", "iban", "mobile", "economicCode", "signatory"]
        var fatherName: String?
        var sex: String?
        var address: String?
        var postalCode: String?
        var iban: String?
        var mobile: String?
        var economicCode: String?
        var signatory: String?
    }

    /// Which fields each kind of party has.
    static let naturalOnly: Set<String> = ["fatherName", "sex"]
    static let legalOnly: Set<String> = ["economicCode", "signatory"]
    static let sexes = ["male": "مرد", "female": "زن"]
    static let maxText = 300

    /// The validated change: field → new value (nil clears). Every problem at once, one per field.
    struct Change: Sendable {
        var values: [String: String?] = [:]
    }

    static func change(_ input: Input, kind: Customer.Kind) throws -> Change {
        var change = Change()
        var errors: [FieldError] = []
        func take(_ field: String, _ raw: String?, _ parse: (String) throws -> String) {
            guard let raw else { return }
            let text = Normalize.text(raw)
            if (kind == .natural && legalOnly.contains(field)) || (kind == .legal && naturalOnly.contains(field)) {
                errors.append(FieldError(field: field, code: "not-for-kind",
                                         message: kind == .natural ? "این بخش ویژهٔ اشخاص حقوقی است." : "این بخش ویژهٔ اشخاص حقیقی است."))
                return
            }
            if text.isEmpty { change.values[field] = .some(nil); return }
            guard text.count <= maxText else {
                errors.append(FieldError(DomainError.fieldTooLong.withField(field)))
                return
            }
            do { change.values[field] = .some(try parse(text)) }
            catch let error as DomainError { errors.append(FieldError(error.withField(field))) }
            catch { errors.append(FieldError(field: field, code: "invalid", message: "مقدار این بخش درست نیست.")) }
        }
        take("fatherName", input.fatherName) { $0 }
        take("sex", input.sex) { text in
            guard sexes[text] != nil else { throw DomainError.invalidSex }
            return text
        }
        take("address", input.address) { $0 }
        take("postalCode", input.postalCode) { try PostalCode($0).value }
        take("iban", input.iban) { try IBAN($0).value }
        take("mobile", input.mobile) { try MobileNumber($0).value }
        take("economicCode", input.economicCode) { try EconomicCode($0).value }
        take("signatory", input.signatory) { $0 }
        if !errors.isEmpty { throw AppError.validation(errors) }
        return change
    }
}
