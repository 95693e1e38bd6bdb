import Fluent
import Foundation
import InsuranceKit

/// A product's own part of the admin's organization page (e.g. the centers a product contracts
/// with): a titled table of plain texts. Generic: the page renders whatever the products hand it.
struct OrganizationSection: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        var cells: [String]
        /// Shown struck out and marked (e.g. a contract no longer in force).
        var lapsed = false
    }

    var title: String
    var columns: [String]
    var rows: [Row] = []
    /// What the page says when there are no rows.
    var empty: String
    var note: String?
}

/// The hook a product adopts, beside its `ProductHooks`, to contribute to the organization page.
protocol OrganizationSectionHooks: ProductHooks {
    func organizationSection(today: JalaliDate, on db: any Database) async throws -> OrganizationSection
}

extension ProductBook {
    /// Every product's section of the organization page, in catalog order.
    func organizationSections(today: JalaliDate, on db: any Database) async throws -> [OrganizationSection] {
        var sections: [OrganizationSection] = []
        for line in catalog.lines {
            if let hooks = hooks(line.code) as? any OrganizationSectionHooks {
                sections.append(try await hooks.organizationSection(today: today, on: db))
            }
        }
        return sections
    }
}
