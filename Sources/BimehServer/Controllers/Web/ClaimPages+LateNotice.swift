import Fluent
import InsuranceKit
import Vapor

/// R-CL-03 where late notices go to a commission: the late-notice form on the file's page and
/// as a printed form.
extension ClaimPages {
    struct LateReviewView: Encodable {
        var stage: String
        var stageTitle: String
        var needsHeadquarters: Bool
        var averagePremium: Int64?
        var lastPremiumDate: String?
        var lastPremiumAmount: Int64?
        var averageInsured: Int?
        var commissionApproved: Bool?
        var agreedAmount: Int64?
        var commissionReason: String?
        var headquartersApproved: Bool?
        var headquartersReason: String?
        var canFigures = false, canCommission = false, canHeadquarters = false

        init(_ record: LateNoticeReviewRecord, review: LateNoticeReview, role: Role, open: Bool) {
            stage = review.stage.rawValue
            stageTitle = review.stage.title
            needsHeadquarters = record.needsHeadquarters
            averagePremium = record.averagePremium
            lastPremiumDate = record.lastPremiumDate
            lastPremiumAmount = record.lastPremiumAmount
            averageInsured = record.averageInsured
            commissionApproved = record.commissionApproved
            agreedAmount = record.agreedAmount
            commissionReason = record.commissionReason
            headquartersApproved = record.headquartersApproved
            headquartersReason = record.headquartersReason
            let mine = open && review.stage.actor == role
            canFigures = mine && review.stage == .awaitingIssuance
            canCommission = mine && review.stage == .awaitingCommission
            canHeadquarters = mine && review.stage == .awaitingHeadquarters
        }
    }

    /// The file's form, with the step `role` may record while the file is `open`; nil without one.
    static func lateReview(_ claim: Claim, role: Role, open: Bool, on db: any Database) async throws -> LateReviewView? {
        guard let record = try await LateNoticeCommission.stored(claim, on: db) else { return nil }
        return LateReviewView(record, review: try LateNoticeCommission.form(claim, record), role: role, open: open)
    }

    // MARK: late-notice form (R-CL-03)

    struct LateNoticeFormContext: Encodable {
        var chrome: PageChrome
        var claim: ClaimView
        var customerName: String
        var policyNumber: String
        var productTitle: String
        var noticeDays: Int
        var review: LateReviewView
        var date: String
    }

    /// The late-notice form as it travels: to issuance for its figures, then to the commission
    /// and, past 9 months, to HQ; each part filled in once recorded.
    @Sendable func lateNoticeForm(req: Request) async throws -> Response {
        let claim = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db)
        guard let record = try await LateNoticeCommission.stored(claim, on: req.db) else { throw AppError.notFound("فرم اعلام تأخیر") }
        let view = try await ClaimView.load(claim, products: req.bimeh.products, on: req.db)
        let policy = try await claim.$policy.get(on: req.db)
        let context = LateNoticeFormContext(
            chrome: PageChrome(req, title: "فرم اعلام تأخیر"), claim: view, customerName: try await policy.$customer.get(on: req.db).displayName,
            policyNumber: policy.printedNumber ?? "", productTitle: (try? req.bimeh.products.line(claim.product).title) ?? claim.product.rawValue,
            noticeDays: try req.bimeh.products.claimRules(claim.product).noticeDays,
            review: LateReviewView(record, review: try LateNoticeCommission.form(claim, record), role: try req.principal.role, open: false),
            date: req.bimeh.clock.today().description)
        return try await req.page("claims/late-notice-form", context)
    }
}
