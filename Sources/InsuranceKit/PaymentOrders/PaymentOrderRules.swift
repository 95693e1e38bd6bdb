/// What a payment order (حواله پرداخت) needs before it is issued and when it is paid (R-CL-05,
/// R-CL-10): the head's approval of the expert's appointment, the notarized certificate when an
/// employer collects a liability payment, and the bank transfer that pays it, once.

/// R-CL-10, seed 003: the notarized certificate (گواهی محضری) that the injured was paid, which an
/// employer (policyholder) collecting a liability payment must bring: its number and its Jalali date.
public struct NotarizedCertificate: Hashable, Sendable, Codable {
    public static let maxNumberLength = 50

    public let number: String
    public let date: JalaliDate

    /// The number is trimmed and its digits made Latin: 1…50 letters, digits, "/" or "-"
    /// ("invalid-certificate-number", field "notarizedCertificateNumber"); the date may not be
    /// after `today` ("date-in-future", field "notarizedCertificateDate").
    public init(number raw: String, date: JalaliDate, today: JalaliDate) throws {
        let number = Normalize.digits(Normalize.text(raw))
        guard !number.isEmpty else {
            throw DomainError(code: "required", message: "شمارهٔ گواهی محضری را وارد کنید.", field: "notarizedCertificateNumber")
        }
        guard number.count <= Self.maxNumberLength, number.unicodeScalars.allSatisfy(Self.allowed) else {
            throw DomainError(code: "invalid-certificate-number",
                              message: "شمارهٔ گواهی محضری حداکثر ۵۰ نویسه از حرف، رقم، «/» و «-» است.", field: "notarizedCertificateNumber")
        }
        guard date <= today else {
            throw DomainError(code: "date-in-future", message: "تاریخ گواهی محضری نمی‌تواند بعد از امروز باشد.", field: "notarizedCertificateDate")
        }
        self.number = number
        self.date = date
    }

    static func allowed(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "/" || s == "-" || s == " "
    }

    /// Whether a payment to `collector` needs the certificate under `rules`.
    public static func required(by rules: ClaimRules, collectorIsPolicyholder: Bool) -> Bool {
        collectorIsPolicyholder && rules.requiresNotarizedCertificateWhenPolicyholderCollects
    }
}

/// R-CL-05: the steps of the expert's appointment order on a file, oldest first.
public enum AppointmentStep: Sendable, Hashable {
    /// A visit arranged, the expert appointed.
    case scheduled
    /// The department's head (deputy) approved the appointment order.
    case approved
}

extension ClaimRules {
    /// R-CL-05: where the product asks for it, the payment order waits until the latest expert's
    /// appointment was approved by the head; no appointment at all is refused the same way
    /// ("appointment-not-approved"). Other lines pass whatever the steps.
    public func checkAppointmentApproved(_ steps: [AppointmentStep]) throws {
        guard appointmentApprovalRequired else { return }
        guard let lastScheduled = steps.lastIndex(of: .scheduled) else {
            throw DomainError(code: "appointment-not-approved",
                              message: "حکم کارشناسی (بازدید کارشناس) برای این پرونده صادر نشده است؛ حواله پس از صدور حکم و تأیید رئیس اداره صادر می‌شود.")
        }
        guard steps[lastScheduled...].contains(.approved) else {
            throw DomainError(code: "appointment-not-approved",
                              message: "حکم کارشناسی این پرونده هنوز به تأیید رئیس اداره نرسیده است؛ حواله پس از تأیید صادر می‌شود.")
        }
    }
}

/// The bank transfer that paid an order (شمارهٔ پیگیری / مرجع انتقال بانکی): trimmed, Latin
/// digits, 4…40 characters of letters, digits and "-"; anything else is "invalid-transfer-reference"
/// (an empty one "required"), field "transferReference".
public struct BankTransferReference: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let lengths = 4...40
    public let value: String

    public init(_ raw: String) throws {
        guard raw.utf8.count <= 200 else { throw Self.invalid }
        let text = Normalize.digits(Normalize.text(raw))
        guard !text.isEmpty else {
            throw DomainError(code: "required", message: "شمارهٔ پیگیری (مرجع) انتقال بانکی را وارد کنید.", field: "transferReference")
        }
        guard Self.lengths.contains(text.count), text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) else {
            throw Self.invalid
        }
        value = text.uppercased()
    }

    public var description: String { value }

    static let invalid = DomainError(code: "invalid-transfer-reference",
                                     message: "شمارهٔ پیگیری انتقال بانکی ۴ تا ۴۰ نویسه از حرف لاتین، رقم و «-» است.", field: "transferReference")
}

/// Paying an order: once only ("order-already-paid"), on a day not before the order nor after today
/// ("paid-before-order", "date-in-future", field "paidOn").
public enum PaymentOrderPayment {
    public static func check(alreadyPaidOn: JalaliDate?, orderDate: JalaliDate, paidOn: JalaliDate, today: JalaliDate) throws {
        if let earlier = alreadyPaidOn {
            throw DomainError(code: "order-already-paid",
                              message: "این حواله پیش‌تر در تاریخ \(Normalize.persianDigits(earlier.description)) پرداخت شده است.")
        }
        guard paidOn <= today else {
            throw DomainError(code: "date-in-future", message: "تاریخ پرداخت نمی‌تواند بعد از امروز باشد.", field: "paidOn")
        }
        guard paidOn >= orderDate else {
            throw DomainError(code: "paid-before-order", message: "تاریخ پرداخت نمی‌تواند پیش از تاریخ حواله باشد.", field: "paidOn")
        }
    }
}
