import Foundation
import InsuranceKit

/// Reads typed values out of a decoded body, collecting every problem with its field name so
/// that one 422 lists them all.
struct FieldReader {
    private(set) var errors: [FieldError] = []

    mutating func date(_ raw: String?, _ field: String) -> JalaliDate? {
        guard let raw, !raw.isEmpty else { return missing(field) }
        do { return try JalaliDate(parsing: raw) } catch let e as DomainError {
            errors.append(FieldError(field: field, code: e.code, message: e.message))
        } catch {}
        return nil
    }

    mutating func id(_ raw: String?, _ field: String, code: String) -> UUID? {
        guard let raw, !raw.isEmpty else { return missing(field) }
        guard let id = UUID(uuidString: raw) else {
            errors.append(FieldError(field: field, code: code, message: "شناسهٔ «\(FieldLabels.label(field))» معتبر نیست."))
            return nil
        }
        return id
    }

    mutating func rial(_ raw: Int64?, _ field: String) -> Rial? {
        guard let raw else { return missing(field) }
        guard raw > 0 else {
            errors.append(FieldError(field: field, code: raw < 0 ? "negative-amount" : "invalid-amount", message: "مبلغ باید عددی مثبت (به ریال) باشد."))
            return nil
        }
        return Rial(amount: raw)
    }

    mutating func text(_ raw: String?, _ field: String, max: Int, required: Bool = true) -> String? {
        let text = Normalize.text(raw ?? "")
        if text.isEmpty {
            return required ? missing(field) : ""
        }
        guard text.count <= max else {
            errors.append(FieldError(field: field, code: "too-long", message: "«\(FieldLabels.label(field))» حداکثر \(Normalize.persianDigits(String(max))) نویسه است."))
            return nil
        }
        return text
    }

    mutating func add(_ field: String, _ code: String, _ message: String) {
        errors.append(FieldError(field: field, code: code, message: message))
    }

    mutating func missing<T>(_ field: String) -> T? {
        errors.append(FieldError(field: field, code: "required", message: "«\(FieldLabels.label(field))» را وارد کنید."))
        return nil
    }

    func throwIfAny() throws {
        if !errors.isEmpty { throw AppError.validation(errors) }
    }
}

/// `payment: {plan:"cash"} | {plan:"installments", downPayment, count}` (API.md), and ours:
/// `payrollDeduction: true` for a legal person deducting a third-party premium from salaries (R-P-04).
struct PaymentPlanBody: Codable, Sendable {
    var plan: String?
    var downPayment: Int64?
    var count: Int?
    var payrollDeduction: Bool? = nil

    func read(into reader: inout FieldReader) -> PaymentPlan? {
        switch plan {
        case "cash":
            return .cash
        case "installments":
            // left out: the product's rules decide (equal monthly parts take none; others refuse 0)
            guard (downPayment ?? 0) >= 0 else {
                reader.add("payment.downPayment", "invalid-down-payment", "پیش‌پرداخت (به ریال) را وارد کنید.")
                return nil
            }
            guard let count else { return reader.missing("payment.count") }
            return .installments(downPayment: Rial(amount: downPayment ?? 0), count: count)
        default:
            reader.add("payment.plan", "invalid-plan", "روش پرداخت باید «cash» (نقدی) یا «installments» (اقساطی) باشد.")
            return nil
        }
    }
}
