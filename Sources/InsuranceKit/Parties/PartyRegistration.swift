/// How a party is identified (R-G-08): one person or company, one key.
public enum PartyIdentity: Hashable, Sendable {
    case national(NationalCode)
    case foreign(ForeignID)
    case legal(LegalID)

    /// The unique key under which the party is registered once.
    public var key: String {
        switch self {
        case .national(let c): "NC:\(c.value)"
        case .foreign(let f): "FI:\(f.value)"
        case .legal(let l): "LI:\(l.value)"
        }
    }
}

/// Every problem found in one form, each naming its field.
public struct ValidationFailure: Error, Sendable, Equatable {
    public let errors: [DomainError]
    public init(errors: [DomainError]) { self.errors = errors }
}

/// A natural person's registration form as typed, before validation.
public struct NaturalPersonForm: Sendable {
    public var nationalCode: String?
    public var foreignID: String?
    public var firstName: String?
    public var lastName: String?
    public var birthDate: String?
    public var mobile: String?

    public init(nationalCode: String? = nil, foreignID: String? = nil, firstName: String? = nil, lastName: String? = nil,
                birthDate: String? = nil, mobile: String? = nil) {
        self.nationalCode = nationalCode
        self.foreignID = foreignID
        self.firstName = firstName
        self.lastName = lastName
        self.birthDate = birthDate
        self.mobile = mobile
    }
}

public struct NaturalPerson: Hashable, Sendable {
    public let identity: PartyIdentity
    public let firstName: String
    public let lastName: String
    public let birthDate: JalaliDate?
    public let mobile: MobileNumber?
}

/// A legal person's registration form as typed.
public struct LegalPersonForm: Sendable {
    public var legalID: String?
    public var name: String?

    public init(legalID: String? = nil, name: String? = nil) {
        self.legalID = legalID
        self.name = name
    }
}

public struct LegalPerson: Hashable, Sendable {
    public let identity: PartyIdentity
    public let name: String
}

/// Validation of party registration (R-G-05, R-G-08). Reports every problem at once, each
/// with its field, so a form can show them all beside their inputs.
public enum PartyRegistration {
    public static let maxNameLength = 100

    public static func validate(_ form: NaturalPersonForm, today: JalaliDate) -> Result<NaturalPerson, ValidationFailure> {
        var errors: [DomainError] = []
        var identity: PartyIdentity?
        let code = form.nationalCode.map(Normalize.identifier).flatMap { $0.isEmpty ? nil : $0 }
        let foreign = form.foreignID.map(Normalize.identifier).flatMap { $0.isEmpty ? nil : $0 }
        switch (code, foreign) {
        case (nil, nil):
            errors.append(DomainError(code: "required", message: "کد ملی یا شناسهٔ اتباع خارجی را وارد کنید.", field: "nationalCode"))
        case (.some, .some):
            errors.append(DomainError(code: "ambiguous-identity", message: "فقط یکی از کد ملی یا شناسهٔ اتباع را وارد کنید.", field: "nationalCode"))
        case (let c?, nil):
            do { identity = .national(try NationalCode(c)) } catch { errors.append(fielded(error, "nationalCode")) }
        case (nil, let f?):
            do { identity = .foreign(try ForeignID(f)) } catch { errors.append(fielded(error, "foreignId")) }
        }
        let firstName = name(form.firstName, field: "firstName", label: "نام", into: &errors)
        let lastName = name(form.lastName, field: "lastName", label: "نام خانوادگی", into: &errors)
        var birthDate: JalaliDate?
        if let raw = form.birthDate, !Normalize.text(raw).isEmpty {
            do {
                let date = try JalaliDate(parsing: raw)
                if date > today {
                    errors.append(DomainError(code: "invalid-date", message: "تاریخ تولد نمی‌تواند بعد از امروز باشد.", field: "birthDate"))
                } else {
                    birthDate = date
                }
            } catch { errors.append(fielded(error, "birthDate")) }
        }
        var mobile: MobileNumber?
        if let raw = form.mobile, !Normalize.text(raw).isEmpty {
            do { mobile = try MobileNumber(raw) } catch { errors.append(fielded(error, "mobile")) }
        }
        guard errors.isEmpty, let identity, let firstName, let lastName else { return .failure(ValidationFailure(errors: errors)) }
        return .success(NaturalPerson(identity: identity, firstName: firstName, lastName: lastName, birthDate: birthDate, mobile: mobile))
    }

    public static func validate(_ form: LegalPersonForm) -> Result<LegalPerson, ValidationFailure> {
        var errors: [DomainError] = []
        var identity: PartyIdentity?
        if let raw = form.legalID, !Normalize.identifier(raw).isEmpty {
            do { identity = .legal(try LegalID(raw)) } catch { errors.append(fielded(error, "legalId")) }
        } else {
            errors.append(DomainError(code: "required", message: "شناسهٔ ملی شخص حقوقی را وارد کنید.", field: "legalId"))
        }
        let name = name(form.name, field: "name", label: "نام شرکت یا سازمان", into: &errors)
        guard errors.isEmpty, let identity, let name else { return .failure(ValidationFailure(errors: errors)) }
        return .success(LegalPerson(identity: identity, name: name))
    }

    /// A required name: normalized (R-G-03), not empty, not longer than `maxNameLength`.
    /// Markup and quotes are kept verbatim: they are escaped where shown, never stripped.
    private static func name(_ raw: String?, field: String, label: String, into errors: inout [DomainError]) -> String? {
        let text = Normalize.text(raw ?? "")
        if text.isEmpty {
            errors.append(DomainError(code: "required", message: "\(label) را وارد کنید.", field: field))
            return nil
        }
        if text.count > maxNameLength {
            errors.append(DomainError(code: "too-long", message: "\(label) حداکثر \(Normalize.persianDigits(String(maxNameLength))) نویسه است.", field: field))
            return nil
        }
        return text
    }

    private static func fielded(_ error: any Error, _ field: String) -> DomainError {
        guard let e = error as? DomainError else {
            return DomainError(code: "invalid-value", message: "مقدار واردشده معتبر نیست.", field: field)
        }
        return DomainError(code: e.code, message: e.message, field: field)
    }
}
