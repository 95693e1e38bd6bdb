import Fluent
import InsuranceKit
import Vapor

/// The secretariat numbers that concern a customer, for their file (R-G-06): the proposals of
/// their quotes and policies (a proposal takes its number in the register, R-P-01), the letters
/// of their claims (the notice letter and every letter entered on the file) and the letters
/// whose correspondent is the customer. An agent sees its agency's proposals only; the register
/// itself is for the staff who may read it (the letters API's readers).
enum CustomerLetters {
    struct Row: Encodable, Equatable {
        var number: String
        var date: String
        var direction: String
        var subject: String
    }

    /// The roles that may read the secretariat register (as `LetterController`).
    static let registerReaders: Set<Role> = [.admin, .issuer, .claims, .head, .accountant]

    static func load(_ customer: Customer, for principal: Principal, products: ProductBook, on db: any Database) async throws -> [Row] {
        guard PolicyAccess.readers.contains(principal.role) else { return [] }
        let customerID = try customer.requireID()
        var agentAgency: UUID?
        if principal.role == .agent {
            guard let agency = principal.agencyID else { return [] }
            agentAgency = agency
        }

        let policyQuery = Policy.query(on: db).filter(\.$customer.$id == customerID)
        let quoteQuery = Quote.query(on: db)
        if let agency = agentAgency {
            policyQuery.filter(\.$agency.$id == agency)
            quoteQuery.filter(\.$agency.$id == agency)
        }
        let policies = try await policyQuery.all()
        let policyQuotes = policies.map { $0.$quote.id }
        let quotes = try await quoteQuery.group(.or) { or in
            or.filter(\.$customer.$id == customerID)
            if !policyQuotes.isEmpty { or.filter(\.$id ~~ policyQuotes) }
        }.all()
        var rows: [String: Row] = [:]
        for q in quotes {
            let product = (try? products.line(q.product).title) ?? q.product.rawValue
            rows[q.proposalNumber] = Row(number: q.proposalNumber, date: q.quoteDate, direction: Letter.Direction.incoming.title,
                                         subject: "پیشنهاد \(product)")
        }

        if registerReaders.contains(principal.role) {
            for letter in try await registerLetters(customer, policyIDs: try policies.map { try $0.requireID() }, on: db) {
                rows[letter.registerNumber] = Row(number: letter.registerNumber, date: letter.letterDate,
                                                  direction: letter.direction.title, subject: letter.subject)
            }
        }
        return rows.values.sorted { order($0.number) > order($1.number) }
    }

    /// The register's letters of the customer's claims and those addressed to or from them by name.
    private static func registerLetters(_ customer: Customer, policyIDs: [UUID], on db: any Database) async throws -> [Letter] {
        var numbers = Set<String>()
        if !policyIDs.isEmpty {
            let claims = try await Claim.query(on: db).filter(\.$policy.$id ~~ policyIDs).all()
            numbers.formUnion(claims.map(\.noticeLetter))
            let claimIDs = try claims.map { try $0.requireID() }
            if !claimIDs.isEmpty {
                let entries = try await ClaimEntry.query(on: db).filter(\.$claim.$id ~~ claimIDs).filter(\.$kind == .letter).all()
                numbers.formUnion(entries.compactMap(\.reference))
            }
        }
        let pairs = numbers.compactMap(split)
        let named = try await Letter.query(on: db).filter(\.$correspondent == customer.displayName).all()
        guard !pairs.isEmpty else { return named }
        let tied = try await Letter.query(on: db).filter(\.$year ~~ Set(pairs.map(\.year)))
            .filter(\.$number ~~ Set(pairs.map(\.number))).all()
            .filter { numbers.contains($0.registerNumber) }
        return named + tied
    }

    /// `1405/12` → (1405, 12); anything else is no register number.
    private static func split(_ number: String) -> (year: Int, number: Int)? {
        let parts = number.split(separator: "/")
        guard parts.count == 2, let year = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        return (year, n)
    }

    /// Newest first: by year, then number.
    private static func order(_ number: String) -> Int {
        split(number).map { $0.year * 10_000_000 + $0.number } ?? 0
    }
}

extension Letter.Direction {
    /// Persian name on screens.
    var title: String {
        switch self {
        case .incoming: "وارده"
        case .outgoing: "صادره"
        case .internal: "داخلی"
        }
    }
}
