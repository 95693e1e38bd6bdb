import Vapor
import Fluent
import InsuranceKit

/// The first page after sign-in: what this role can do, with a few live figures.
struct DashboardPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: dashboard)
    }

    struct Card: Encodable {
        var title: String
        var text: String
        var href: String?
        var action: String?
    }

    struct Figure: Encodable {
        var label: String
        var value: Int
    }

    struct AuditRow: Encodable {
        var seq: Int
        var at: String
        var actor: String
        var action: String
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var greeting: String
        var cards: [Card]
        var figures: [Figure]
        var audit: [AuditRow]
        var queues: [DashboardQueues.Queue] = []
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        let principal = try req.principal
        var cards: [Card] = []
        var figures: [Figure] = []
        var audit: [AuditRow] = []
        if CustomerPages.readers.contains(principal.role) {
            let visible = try await CustomerRegistry.visible(to: principal, on: req.db).count()
            figures.append(Figure(label: principal.role == .agent ? "مشتریان نمایندگی" : "مشتریان ثبت‌شده", value: visible))
            cards.append(Card(title: "جستجوی مشتری", text: "با کد ملی، شناسهٔ ملی، نام یا شمارهٔ همراه", href: WebPath.customers, action: "جستجو"))
        }
        if CustomerPages.writers.contains(principal.role) {
            cards.append(Card(title: "ثبت مشتری", text: "مشتری یک بار ثبت می‌شود و در پیشنهادهای بعدی دوباره به کار می‌رود.", href: WebPath.newCustomer, action: "ثبت مشتری تازه"))
        }
        if QuotePages.sellers.contains(principal.role) {
            cards.append(Card(title: "پیشنهاد بیمهٔ رایانه", text: "ورود فهرست رایانه‌ها، محاسبهٔ حق بیمه، ثبت و صدور بیمه‌نامه", href: WebPath.newQuote, action: "پیشنهاد تازه"))
        }
        if PolicyAccess.readers.contains(principal.role) {
            var policies = Policy.query(on: req.db).filter(\.$status == .registered)
            if principal.role == .agent, let agencyID = principal.agencyID { policies = policies.filter(\.$agency.$id == agencyID) }
            figures.append(Figure(label: "بیمه‌نامه‌های در انتظار صدور", value: try await policies.count()))
            cards.append(Card(title: "بیمه‌نامه‌ها", text: "پرداخت، صدور، الحاقیه، فسخ، تمدید و چاپ", href: WebPath.policies, action: "فهرست بیمه‌نامه‌ها"))
        }
        if [.accountant, .head, .admin].contains(principal.role) {
            let open = try await Payment.query(on: req.db).group(.or) { $0.filter(\.$status == .held).filter(\.$status == .pending) }.count()
            figures.append(Figure(label: "چک و فیش در انتظار وصول", value: open))
            cards.append(Card(title: "چک‌های در جریان", text: "وصول یا برگشت چک‌ها و تأیید فیش‌های بانکی", href: WebPath.cheques, action: "صفحهٔ چک‌ها"))
        }
        if ClaimAccess.staff.contains(principal.role) {
            let open = try await Claim.query(on: req.db).filter(\.$status !~ [ClaimState.closed, .rejected, .closedUnpaid, .paid]).count()
            figures.append(Figure(label: "پرونده‌های خسارت باز", value: open))
            cards.append(Card(title: "خسارت", text: "اعلام خسارت، مدارک، بازدید، ارزیابی، تسویه و حوالهٔ پرداخت", href: WebPath.claims, action: "کارتابل خسارت"))
        }
        if principal.role.isStaff {
            let year = req.bimeh.clock.today().year
            let letters = try await Letter.query(on: req.db).filter(\.$year == year).count()
            figures.append(Figure(label: "نامه‌های دبیرخانه امسال", value: letters))
        }
        if principal.role == .admin {
            figures.append(Figure(label: "کاربران", value: try await User.query(on: req.db).count()))
            // the seals of bound rows (RowSeals) are bookkeeping, not activity
            audit = try await AdminDashboard.recentAudit(req)
            cards += AdminDashboard.cards
        }
        if principal.role == .provider {
            cards.append(Card(title: "میز ارائه‌دهنده", text: "استعلام پوشش با کد ملی، صدور و تأیید شناسهٔ مراجعه، و ثبت خسارت مستقیم.",
                              href: SiteURL.provider.path, action: "ورود به میز"))
        }
        var context = Context(chrome: PageChrome(req, title: "پیشخوان"), greeting: "\(principal.displayName)، خوش آمدید.",
                              cards: cards, figures: figures, audit: audit)
        context.queues = try await DashboardQueues.queues(for: principal, today: req.bimeh.clock.today(), on: req.db)
        return try await req.page("dashboard", context)
    }
}
