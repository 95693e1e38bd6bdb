import Fluent
import InsuranceKit
import Vapor

/// The organization (R-G-09): complexes with their departments and agencies, and the brokers
/// with their licence expiry (an expired licence is marked: no online sale through it).
struct AdminOrganizationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(AdminUserPages.admins, web: true)).get(.admin(.organization), use: show)
    }

    struct ComplexRow: Encodable {
        var code: String
        var name: String
        var departments: [String]
        var agencies: [AgencyRow]
    }

    struct AgencyRow: Encodable { var code: String; var name: String; var active: Bool }

    struct BrokerRow: Encodable {
        var name: String
        var online: Bool
        var licenceNumber: String
        var licenceExpiry: String
        var expired: Bool
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var complexes: [ComplexRow]
        var brokers: [BrokerRow]
        var today: String
        /// The products' own sections (e.g. contracted centers), after the generic ones.
        var productSections: [OrganizationSection] = []
    }

    @Sendable func show(req: Request) async throws -> Response {
        let today = req.bimeh.clock.today()
        let departments = try await Department.query(on: req.db).sort(\.$name).all()
        let agencies = try await Agency.query(on: req.db).sort(\.$code).all()
        let complexes = try await Complex.query(on: req.db).sort(\.$code).all().map { c in
            ComplexRow(code: c.code, name: c.name,
                       departments: departments.filter { $0.$complex.id == c.id }.map(\.name),
                       agencies: agencies.filter { $0.$complex.id == c.id }.map { AgencyRow(code: $0.code, name: $0.name, active: $0.active) })
        }
        let brokers = try await Broker.query(on: req.db).sort(\.$name).all().map { b in
            // valid through its expiry day (R-G-09)
            let expiry = try? JalaliDate(parsing: b.licenceExpiry)
            return BrokerRow(name: b.name, online: b.online, licenceNumber: b.licenceNumber, licenceExpiry: b.licenceExpiry,
                             expired: expiry.map { $0 < today } ?? true)
        }
        return try await req.page("admin/organization", Context(chrome: PageChrome(req, title: "ساختار سازمان"), complexes: complexes,
                                                               brokers: brokers, today: today.description,
                                                               productSections: try await req.bimeh.products.organizationSections(today: today, on: req.db)))
    }
}
