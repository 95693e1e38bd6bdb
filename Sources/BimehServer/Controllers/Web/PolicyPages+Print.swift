import Fluent
import Vapor
import InsuranceKit

/// The printed policy: letterhead, the insured with address and the selling channel's code, the
/// premium in figures and words, the installment table, the endorsements, the conditions, and
/// the QR code of the public authenticity link.
extension PolicyPages {
    struct PrintContext: Encodable {
        var chrome: PageChrome
        var policy: PolicyView
        var productTitle: String
        var customerName: String
        var customerCode: String
        var customerMobile: String
        /// Empty when the customer's file has none: the print leaves a line to fill in.
        var customerAddress: String
        var channel: String
        var items: [QuotePages.DisplayItem]
        var perils: [String]
        var conditions: [String]
        var lines: [PrintedLine]
        var endorsements: [EndorsementRow]
        var franchise: String
        var premiumInWords: String
        var installments: [PrintedInstallment]
        var authenticityURL: String?
        var qrSVG: String?
    }

    /// A premium line as the customer reads it: no rule ID.
    struct PrintedLine: Encodable {
        var label: String
        var amount: Int64
    }

    struct PrintedInstallment: Encodable {
        var number: Int
        var kind: String
        var dueDate: String
        var amount: Int64
    }

    @Sendable func print(req: Request) async throws -> Response {
        let policy = try await PolicyAccess.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        guard policy.status != .registered else {
            throw AppError.conflict("policy-not-issued", "بیمه‌نامه هنوز صادر نشده است و چاپ نمی‌شود.")
        }
        let view = try await PolicyView.load(policy, asOf: req.bimeh.clock.today(), products: req.bimeh.products, on: req.db)
        let customer = try await policy.$customer.get(on: req.db)
        let product = try req.bimeh.products.line(policy.product)
        let lines = try StoredJSON.decode([QuoteLine].self, from: policy.lines, what: "policy.lines")
        let authenticity = policy.uniqueCode.map { PrintedDocument.authenticityURL(base: req.publicBaseURL, code: $0) }
        let context = PrintContext(
            chrome: PageChrome(req, title: "بیمه‌نامه \(policy.printedNumber ?? "")"), policy: view, productTitle: product.title,
            customerName: customer.displayName, customerCode: customer.identifier, customerMobile: customer.mobile ?? "",
            customerAddress: PrintedDocument.address(of: customer) ?? "",
            channel: try await PrintedDocument.channel(of: policy, on: req.db),
            items: QuotePages.displayItems(policy.inputs), perils: product.coveredPerils, conditions: product.generalConditions,
            lines: lines.map { PrintedLine(label: $0.label, amount: $0.amount.amount) },
            endorsements: view.endorsements.map { e in
                EndorsementRow(number: e.number, kind: Self.kindTitle(e.kind), status: e.status, effectiveDate: e.effectiveDate, delta: e.premiumDelta,
                               description: PrintedDocument.withoutRuleIDs(e.description), id: "", orderHref: nil, awaitingPayment: false)
            },
            franchise: PrintedDocument.franchise(policy.franchisePercent),
            premiumInWords: Rial(amount: view.premium).inWords,
            installments: view.schedule.enumerated().map { i, row in
                PrintedInstallment(number: i + 1, kind: Self.kindTitle(row.kind), dueDate: row.dueDate, amount: row.amount)
            },
            authenticityURL: authenticity,
            qrSVG: try authenticity.map { try QRCode($0).svg(label: "رمزینهٔ پیوند استعلام اصالت بیمه‌نامه") })
        return try await req.page("policies/print", context)
    }
}
