@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Synchronization

/// A product that exists only in this test target: bicycle theft insurance. It shows that a
/// product is its own rules (inputs, pricing, claim rules, a checklist) plus hooks, registered
/// in the product book, with no change to generic code.
struct BicycleInsurance: ProductLine {
    let code: ProductCode = "sample-bicycle"
    let title = "بیمهٔ سرقت دوچرخه (نمونهٔ آزمون)"
    let family = ProductFamily.engineering
    /// Cash only.
    let paymentPlans = PaymentPlanRules(downPaymentShare: Percent.hundred...Percent.hundred, installmentCounts: 0...0, allowsCash: true)
    let cancellationNoticeDays = 10
    let claimNoticeDays = 7
    let coveredPerils = ["سرقت دوچرخه"]
    let generalConditions = ["سرقت باید ظرف ۷ روز اعلام شود."]

    static let theft = ClaimCase(rawValue: "bicycle-theft")!
    static let rate = Percent(3)

    var claimRules: ClaimRules {
        ClaimRules(product: code, noticeDays: claimNoticeDays, lateNoticePolicy: .accept,
                   paymentOrderCopies: ["بیمه‌گذار", "حسابداری", "پرونده"], expertFeeOrderCopies: ["کارشناس", "حسابداری", "پرونده"],
                   requiresNotarizedCertificateWhenPolicyholderCollects: false)
    }

    var claimCases: [CaseChecklist] {
        [CaseChecklist(Self.theft, [
            RequiredDocument(code: "police-report", title: "گزارش کلانتری", required: true),
            RequiredDocument(code: "purchase-invoice", title: "فاکتور خرید دوچرخه", required: true),
        ], title: "سرقت دوچرخه")]
    }

    struct Inputs: Codable {
        var frameNumber: String
        var value: Int64
    }

    /// `{frameNumber, value}`: premium = value × 3 %, the value is the sum insured.
    func quote(inputs: Data, context: QuoteContext) throws -> ProductQuote {
        guard let parsed = try? JSONDecoder().decode(Inputs.self, from: inputs), !parsed.frameNumber.isEmpty, parsed.value > 0 else {
            throw DomainError(code: "invalid-inputs", message: "شمارهٔ بدنه و ارزش دوچرخه لازم است.", field: "inputs")
        }
        let value = Rial(amount: parsed.value)
        let normalized = try JSONEncoder().encode(parsed)
        return try ProductQuote(
            product: code, lines: [QuoteLine(code: "base", rule: "R-P-02", label: "حق بیمهٔ پایه", amount: try value.percent(Self.rate))],
            sumInsured: value, franchisePercent: nil, coveredPerils: coveredPerils, normalizedInputs: normalized,
            tariffYear: context.date.year, tariffIsSample: true)
    }
}

/// The product's one hook: what issue adds (here, a note of each issued frame number).
struct BicycleHooks: ProductHooks {
    final class Log: Sendable {
        let frames = Mutex<[String]>([])
    }

    let product: ProductCode = "sample-bicycle"
    let log = Log()

    func issued(_ policy: Policy, in work: UnitOfWork) async throws {
        let inputs = try JSONDecoder().decode(BicycleInsurance.Inputs.self, from: Data(policy.inputs.utf8))
        log.frames.withLock { $0.append(inputs.frameNumber) }
    }
}
