/// Booleans, dates and codes for product inputs, each problem reported with its field path.
extension InputReader {
    /// A JSON true/false; nil when absent or null (then "required" if `required`) or not a boolean.
    mutating func flag(_ value: JSONInput?, at path: String, required: Bool) -> Bool? {
        guard let value, !value.isNull else {
            if required { fail("required", "مقدار این فیلد را وارد کنید (true یا false).", at: path) }
            return nil
        }
        guard case .bool(let flag) = value else {
            fail("invalid-type", "نوع مقدار نادرست است؛ true یا false لازم است.", at: path)
            return nil
        }
        return flag
    }

    /// A Jalali date string (R-G-03); "required" when absent, "invalid-date" for anything else.
    mutating func jalaliDate(_ value: JSONInput?, at path: String, label: String) -> JalaliDate? {
        guard let value, !value.isNull else {
            fail("required", "\(label) را وارد کنید.", at: path)
            return nil
        }
        guard case .string(let text) = value else {
            typeMismatch(value, .text, at: path)
            return nil
        }
        do {
            return try JalaliDate(parsing: text)
        } catch let error as DomainError {
            fail(error, at: path)
        } catch {
            fail(DomainError.invalidDate, at: path)
        }
        return nil
    }

    /// One of `allowed` (a code from API.md); `code` when it is not ("unknown-plan", …).
    mutating func choice(_ value: JSONInput?, at path: String, label: String, allowed: [String], code: String) -> String? {
        guard let value, !value.isNull else {
            fail("required", "\(label) را وارد کنید.", at: path)
            return nil
        }
        guard case .string(let text) = value else {
            typeMismatch(value, .text, at: path)
            return nil
        }
        guard allowed.contains(text) else {
            fail(code, "\(label) «\(text)» شناخته نیست؛ یکی از این‌ها را بنویسید: \(allowed.joined(separator: "، ")).", at: path)
            return nil
        }
        return text
    }
}
