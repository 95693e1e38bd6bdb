import Fluent
import Foundation
import InsuranceKit
import Vapor

/// R-P-07: an endorsement never rewrites the policy; it is a numbered document of its own, part
/// of the policy, printed with what changed and what it does to the premium.
struct EndorsementPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(PolicyAccess.readers, web: true)).get(.endorsementPrint(.key), use: print)
    }

    struct ItemLine: Encodable {
        var description: String
        var serial: String
        var value: Int64
        /// «افزوده» or «حذف‌شده», empty when the item stays.
        var change: String
    }

    struct PrintContext: Encodable {
        var chrome: PageChrome
        var insurer: String
        var productTitle: String
        var policyNumber: String
        var number: Int
        var createdOn: String
        var kindTitle: String
        var statusTitle: String
        var effectiveDate: String
        var description: String
        var customerName: String
        var customerCode: String
        var annualBefore: Int64
        var annualAfter: Int64
        var delta: Int64
        /// «به نسبت روزهای باقی‌مانده», or the product's own basis.
        var deltaBasis: String
        /// What the premium change does to the policy account, in words.
        var settlement: String
        var items: [ItemLine]
        var copies: [String]
        /// The premium difference in words («منفی …» for a refund, as the figures show it).
        var deltaInWords = ""
    }

    @Sendable func print(req: Request) async throws -> Response {
        let principal = try req.principal
        guard let id = req.parameters.get("id", as: UUID.self), let endorsement = try await Endorsement.find(id, on: req.db) else {
            throw AppError.notFound("الحاقیه")
        }
        let policy = try await PolicyAccess.policy(endorsement.$policy.id, for: principal, on: req.db)
        let customer = try await policy.$customer.get(on: req.db)
        let product = try req.bimeh.products.line(policy.product)
        let before = try await inputsBefore(endorsement, policy: policy, on: req.db)
        let order = try await endorsement.$paymentOrder.get(on: req.db)
        let created = endorsement.createdAt.map { JalaliDate(date: $0, timeZone: BimehClock.tehran).description } ?? endorsement.effectiveDate
        var context = PrintContext(
            chrome: PageChrome(req, title: "الحاقیهٔ \(endorsement.number) بیمه‌نامهٔ \(policy.printedNumber ?? "")"),
            insurer: "شرکت بیمه — مجتمع نمونهٔ تهران", productTitle: product.title, policyNumber: policy.printedNumber ?? "",
            number: endorsement.number, createdOn: created, kindTitle: PolicyPages.kindTitle(endorsement.kind),
            statusTitle: endorsement.status == .issued ? "صادرشده" : "در انتظار پرداخت حق بیمهٔ اضافی",
            effectiveDate: endorsement.effectiveDate, description: PrintedDocument.withoutRuleIDs(endorsement.description),
            customerName: customer.displayName, customerCode: customer.identifier,
            annualBefore: endorsement.annualPremiumBefore, annualAfter: endorsement.annualPremiumAfter, delta: endorsement.premiumDelta,
            deltaBasis: req.bimeh.products.hooks(policy.product).endorsementDeltaBasis,
            settlement: try Self.settlement(endorsement, order: order, installments: policy.plan == "installments",
                                            byOrder: req.bimeh.products.hooks(policy.product).refundsByPaymentOrder),
            items: Self.itemLines(before: QuotePages.displayItems(before), after: QuotePages.displayItems(endorsement.changes)),
            copies: ["نسخهٔ بیمه‌گذار", "نسخهٔ پروندهٔ صدور", "نسخهٔ حسابداری"])
        context.deltaInWords = Rial(amount: endorsement.premiumDelta).inWords
        return try await req.page("policies/endorsement", context)
    }

    /// The inputs in force before this endorsement: the last earlier issued endorsement's, or the quote's.
    func inputsBefore(_ endorsement: Endorsement, policy: Policy, on db: any Database) async throws -> String {
        let earlier = try await Endorsement.query(on: db).filter(\.$policy.$id == policy.requireID())
            .filter(\.$number < endorsement.number).filter(\.$status == .issued).sort(\.$number, .descending).first()
        if let earlier { return earlier.changes }
        return try await policy.$quote.get(on: db).inputs
    }

    /// R-P-07 in words: an additional premium joined the open installments or is paid first; a
    /// refund reduced what was owed and the rest, if any, is paid by order.
    static func settlement(_ endorsement: Endorsement, order: PaymentOrder?, installments: Bool, byOrder: Bool = true) throws -> String {
        let delta = Rial(amount: endorsement.premiumDelta)
        if delta.isZero { return "این الحاقیه اثر مالی ندارد." }
        if delta > .zero {
            if endorsement.status == .awaitingPayment {
                return "حق بیمهٔ اضافی \(delta.persianFormatted) ریال پیش از اجرای این الحاقیه پرداخت می‌شود."
            }
            return installments
                ? "حق بیمهٔ اضافی \(delta.persianFormatted) ریال به اقساط پرداخت‌نشده افزوده شد یا پیش از اجرا پرداخت شد."
                : "حق بیمهٔ اضافی \(delta.persianFormatted) ریال پرداخت شد."
        }
        let refund = try delta.negated()
        // a product whose refunds go to accounting with the endorsement itself: no payment order
        if !byOrder { return "برگشت حق بیمه \(refund.persianFormatted) ریال: این الحاقیه خود به حسابداری فرستاده می‌شود و حوالهٔ پرداخت صادر نمی‌شود." }
        let paidOut = Rial(amount: order?.amount ?? 0)
        let reduced = try refund.subtracting(paidOut)
        var parts: [String] = []
        if reduced > .zero { parts.append("\(reduced.persianFormatted) ریال از بدهی حق بیمهٔ بیمه‌گذار کم شد") }
        if let order, paidOut > .zero { parts.append("\(paidOut.persianFormatted) ریال با حوالهٔ شمارهٔ \(Normalize.persianDigits(order.printedNumber)) پرداخت می‌شود") }
        return "برگشت حق بیمه \(refund.persianFormatted) ریال: " + parts.joined(separator: "؛ ") + "."
    }

    /// The items after the endorsement, then the ones it removed; matched by serial, else by description.
    static func itemLines(before: [QuotePages.DisplayItem], after: [QuotePages.DisplayItem]) -> [ItemLine] {
        func key(_ item: QuotePages.DisplayItem) -> String { item.serial.isEmpty ? "d:" + item.description : "s:" + item.serial }
        let beforeKeys = Set(before.map(key)), afterKeys = Set(after.map(key))
        return after.map { ItemLine(description: $0.description, serial: $0.serial, value: $0.value, change: beforeKeys.contains(key($0)) ? "" : "افزوده") }
            + before.filter { !afterKeys.contains(key($0)) }.map { ItemLine(description: $0.description, serial: $0.serial, value: $0.value, change: "حذف‌شده") }
    }
}
