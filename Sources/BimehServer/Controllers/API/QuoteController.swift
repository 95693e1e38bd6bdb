import Vapor
import InsuranceKit

struct QuoteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let sellers = routes.grouped(RequireRole([.issuer, .agent]))
        sellers.post(.api(.quotes), use: create)
        sellers.post(.api(.quotePreview), use: preview)
        routes.grouped(RequireRole(PolicyAccess.readers)).get(.api(.quote(.key)), use: show)
    }

    struct CreateQuote: StrictRequestBody {
        static let fields: Set<String> = ["product", "customerId", "date", "inputs"]
        var product: String?
        var customerId: String?
        var date: String?
        var inputs: AnyJSON?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.decodeStrict(CreateQuote.self)
        var reader = FieldReader()
        let product = reader.text(body.product, "product", max: 50)
        let date = reader.date(body.date, "date")
        let customerID = body.customerId.flatMap { reader.id($0, "customerId", code: "unknown-customer") }
        let inputs = try req.rawJSONMember("inputs")
        if inputs == nil { reader.add("inputs", "required", "ورودی‌های محصول (inputs) الزامی است.") }
        try reader.throwIfAny()
        guard let product, let date, let inputs else { throw AppError.malformedJSON }
        let principal = try req.principal
        let request = QuoteDesk.Request(product: product, customerID: customerID, date: date, inputs: inputs)
        let products = req.bimeh.products, today = req.bimeh.clock.today()
        return try await req.respond(writing: { write in
            try await EnterProposal.run(request, principal: principal, products: products, today: today, write: write)
        }, answering: { quote, _ in
            let response = Response(status: .created)
            try response.content.encode(QuoteView(quote), as: .json)
            return response
        })
    }

    struct PreviewView: Content {
        var product: String
        var total: Int64
        var sumInsured: Int64
        var franchisePercent: String?
        var tariffYear: Int
        var tariffIsSample: Bool
        var lines: [QuoteLine]
    }

    /// Prices without entering a proposal: nothing is stored or numbered (a price check at the
    /// counter); the same body and the same lines as `POST /quotes`.
    @Sendable func preview(req: Request) async throws -> PreviewView {
        let body = try req.decodeStrict(CreateQuote.self)
        var reader = FieldReader()
        let product = reader.text(body.product, "product", max: 50)
        let date = reader.date(body.date, "date")
        let inputs = try req.rawJSONMember("inputs")
        if inputs == nil { reader.add("inputs", "required", "ورودی‌های محصول (inputs) الزامی است.") }
        try reader.throwIfAny()
        guard let product, let date, let inputs else { throw AppError.malformedJSON }
        let request = QuoteDesk.Request(product: product, customerID: nil, date: date, inputs: inputs)
        let products = req.bimeh.products, today = req.bimeh.clock.today()
        let priced = try DomainErrorMapping.validating { try QuoteDesk.price(request, principal: try req.principal, products: products, purchaseDay: today) }
        return PreviewView(product: priced.product.rawValue, total: priced.total.amount, sumInsured: priced.sumInsured.amount,
                           franchisePercent: priced.franchisePercent?.description, tariffYear: priced.tariffYear,
                           tariffIsSample: priced.tariffIsSample, lines: priced.lines)
    }

    @Sendable func show(req: Request) async throws -> QuoteView {
        guard let quote = try await PolicyAccess.quote(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db) else {
            throw AppError.notFound("استعلام")
        }
        return try QuoteView(quote)
    }
}
