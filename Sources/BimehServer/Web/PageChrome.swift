import Vapor
import InsuranceKit

/// What every page's frame needs: title, signed-in user, navigation, CSRF token, today's date.
struct PageChrome: Encodable {
    struct NavItem: Encodable {
        var label: String
        var href: String
        var active: Bool
    }

    var title: String
    var userName: String?
    var roleTitle: String?
    var csrf: String?
    /// FormOnce: a fresh one-time token for the page's money forms.
    var formToken = FormOnce.fresh()
    var today: String
    var nav: [NavItem]
    var stylesheet = WebPath.stylesheet
    /// A page's own script, if it has one (served from /assets, allowed by the CSP).
    var script: String?
    /// Every page's small script (progressive: the page works without it).
    var formsScript = WebPath.formsScript
    var logout = WebPath.logout
    /// The frame's and the shared forms' addresses, so that templates hold no path.
    var links = Links()
    /// The printed documents' letterhead (print.leaf).
    var letterhead: Letterhead

    struct Links: Encodable {
        var home = WebPath.home
        var login = WebPath.login
        var customers = WebPath.customers
        var newNaturalCustomer = WebPath.newCustomer + "?kind=natural"
        var newLegalCustomer = WebPath.newCustomer + "?kind=legal"
        var newQuote = WebPath.quotes
        var claims = WebPath.claims
        var eligibility = WebPath.eligibility
        var eligibilityCreditCode = WebPath.eligibilityCreditCode
    }

    init(_ req: Request, title: String) {
        self.title = title
        letterhead = Letterhead(req.bimeh.config.print)
        let principal = req.auth.get(Principal.self)
        userName = principal?.displayName
        roleTitle = principal?.role.title
        csrf = principal?.csrfToken
        let today = req.bimeh.clock.today()
        self.today = Normalize.persianDigits("\(today.day) \(today.monthName) \(today.year)")
        var items: [NavItem] = []
        if let role = principal?.role {
            items.append(NavItem(label: "پیشخوان", href: WebPath.home, active: req.url.path == WebPath.home))
            if CustomerPages.readers.contains(role) {
                items.append(NavItem(label: "مشتریان", href: WebPath.customers, active: req.url.path.hasPrefix(WebPath.customers)))
            }
            if PolicyAccess.readers.contains(role) {
                items.append(NavItem(label: "بیمه‌نامه‌ها", href: WebPath.policies, active: req.url.path.hasPrefix(WebPath.policies)))
            }
            if QuotePages.sellers.contains(role) {
                for proposal in req.bimeh.products.proposals {
                    items.append(NavItem(label: proposal.label, href: proposal.path, active: req.url.path == proposal.path))
                }
            }
            if ClaimAccess.staff.contains(role) {
                items.append(NavItem(label: "خسارت", href: WebPath.claims, active: req.url.path.hasPrefix(WebPath.claims)))
            }
            if role == .provider {
                for page in req.bimeh.products.providerPages {
                    items.append(NavItem(label: page.label, href: page.path, active: req.url.path.hasPrefix(page.path)))
                }
            }
            if [.accountant, .head, .admin].contains(role) {
                items.append(NavItem(label: "چک‌ها", href: WebPath.cheques, active: req.url.path.hasPrefix(WebPath.cheques)))
            }
            if ReportController.readers.contains(role) {
                let reports = SiteURL.reports(.dashboard).path
                items.append(NavItem(label: "گزارش‌ها", href: reports, active: req.url.path.hasPrefix(reports) || req.url.path.hasPrefix(SiteURL.reports(.months).path)))
            }
        }
        nav = items
    }
}

extension Request {
    /// Renders a Leaf page as HTML with the given status.
    func page(_ template: String, _ context: some Encodable, status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = try await self.view.render(template, context)
        let response = try await view.encodeResponse(for: self)
        response.status = status
        response.headers.set(.cacheControl, "no-store")
        return response
    }
}
