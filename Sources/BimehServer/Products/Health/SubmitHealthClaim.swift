import Foundation
import InsuranceKit

/// A center's direct claim (R-SH-07), the same input from the API and the center's page.
struct SubmitHealthClaim: Sendable {
    struct Input: Sendable {
        var nationalCode: String?
        var serviceDate: String?
        var cover: String?
        var cost: Int64?
        var basePaid: Int64?
        var introduction: String?
    }

    let request: HealthClaimDesk.Request

    init(_ input: Input) throws {
        var reader = FieldReader()
        var code: String?
        if let raw = input.nationalCode, !raw.isEmpty {
            do { code = try NationalCode(raw).value } catch let e as DomainError { reader.add("nationalCode", e.code, e.message) }
        } else {
            reader.add("nationalCode", "required", "کد ملی بیمه‌شده را وارد کنید.")
        }
        let date = reader.date(input.serviceDate, "serviceDate")
        let cover = reader.text(input.cover, "cover", max: 40)
        let cost = reader.rial(input.cost, "cost")
        var base: Rial?
        if let raw = input.basePaid {
            if raw < 0 { reader.add("basePaid", "negative-amount", "سهم بیمه‌گر پایه نمی‌تواند منفی باشد.") } else { base = Rial(amount: raw) }
        } else {
            base = .zero
        }
        try reader.throwIfAny()
        guard let code, let date, let cover, let cost, let base else { throw AppError.malformedJSON }
        request = HealthClaimDesk.Request(nationalCode: code, serviceDate: date, cover: cover, cost: cost, basePaid: base,
                                          introduction: input.introduction.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `center`: the provider's contracted center (`HealthClaimDesk.centerOf`, read before the write).
    func run(principal: Principal, center: HealthCenter, in work: UnitOfWork) async throws -> HealthClaimDesk.Outcome {
        try await HealthClaimDesk.submit(request, center: center, principal: principal, in: work)
    }
}
