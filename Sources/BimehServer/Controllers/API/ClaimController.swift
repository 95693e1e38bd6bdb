import Fluent
import InsuranceKit
import Vapor

/// Claims over HTTP (API.md: notice, assessment, settlement, payment order) and the steps between.
struct ClaimController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let experts = routes.grouped(RequireRole([.claims]))
        let staff = routes.grouped(RequireRole(ClaimAccess.staff))
        let head = routes.grouped(RequireRole([.head]))
        func step(_ step: SiteURL.API.ClaimStep) -> SiteURL { .api(.claimStep(.key, step)) }
        experts.post(.api(.claims), use: open)
        staff.get(.api(.claims), use: queue)
        staff.get(.api(.claim(.key)), use: show)
        // R-CL-03 the expert's attestation, R-SH-08 the head's decision: the product says whose
        routes.grouped(RequireRole([.claims, .head])).post(step(.lateNotice), use: lateNotice)
        // R-CL-03 with a commission: the expert keys in issuance's figures, the head the decisions
        experts.post(step(.lateNoticeFigures), use: lateNoticeFigures)
        head.post(step(.lateNoticeCommission), use: lateNoticeCommission)
        head.post(step(.lateNoticeHeadquarters), use: lateNoticeHeadquarters)
        experts.post(step(.documentRequest), use: documentRequest)
        experts.upload(step(.documents), limit: ClaimDocumentStore.maxUploadBody, use: upload)
        staff.get(.api(.claimDocument(.key, .key)), use: download)
        experts.post(step(.inspection), use: inspection)
        head.post(step(.inspectionApproval), use: approveInspection)
        experts.post(step(.inspectionMinutes), use: minutes)
        experts.post(step(.assessment), use: assess)
        staff.get(step(.settlement), use: settlement)
        experts.post(step(.offer), use: offer)
        experts.post(step(.consent), use: consent)
        experts.post(step(.dispute), use: dispute)
        experts.post(step(.meetings), use: meeting)
        head.post(step(.paymentOrder), use: paymentOrder)
        // R-CL-10: accounting pays the file's order; the expert no longer marks it
        routes.grouped(RequireRole(PaymentOrderDesk.payers)).post(step(.paid), use: paid)
        experts.post(step(.expertFee), use: expertFee)
        head.post(step(.expertFeeApproval), use: approveExpertFee)
        experts.post(step(.close), use: close)
        experts.post(step(.rejection), use: reject)
        routes.grouped(RequireRole([.head, .admin, .accountant])).get(.api(.claimsMonthly), use: monthly)
    }

    // MARK: notice

    struct OpenClaimBody: StrictRequestBody {
        static let fields: Set<String> = ["policyId", "lossDate", "noticeDate", "description", "kind", "claimKnownDate", "conditions",
                                              "atFaultLicensed", "policeSketch", "driverLicenceClass",
                                              "personNationalCode", "cover", "cost", "basePaid", "sideCosts", "memberRow", "cause"]
        var policyId: String?
        var lossDate: String?
        var noticeDate: String?
        var description: String?
        var kind: String?
        var claimKnownDate: String?
        var atFaultLicensed: Bool?
        var policeSketch: Bool?
        var driverLicenceClass: String?
        var conditions: [String]?
        var personNationalCode: String?
        var cover: String?
        var cost: Int64?
        var basePaid: Int64?
        var sideCosts: Int64?
        var memberRow: Int64?
        var cause: String?

        /// The product facts given, by field name; the product's hooks decide which it takes.
        var facts: ClaimFacts {
            ClaimFacts(flags: ["atFaultLicensed": atFaultLicensed, "policeSketch": policeSketch].compactMapValues { $0 },
                       texts: ["driverLicenceClass": driverLicenceClass, "personNationalCode": personNationalCode, "cover": cover,
                                "cause": cause].compactMapValues { $0 },
                       amounts: ["cost": cost, "basePaid": basePaid, "sideCosts": sideCosts, "memberRow": memberRow].compactMapValues { $0 })
        }
    }

    @Sendable func open(req: Request) async throws -> Response {
        let body = try req.decodeStrict(OpenClaimBody.self)
        var reader = FieldReader()
        let policyID = reader.id(body.policyId, "policyId", code: "unknown-policy")
        let fields = OpenClaim.read(.init(lossDate: body.lossDate, noticeDate: body.noticeDate, description: body.description, kind: body.kind,
                                          claimKnownDate: body.claimKnownDate, conditions: body.conditions, facts: body.facts),
                                    known: req.bimeh.products.catalog.claimCases, into: &reader)
        try reader.throwIfAny()
        guard let policyID, let fields else { throw AppError.malformedJSON }
        let principal = try req.principal
        let products = req.bimeh.products
        return try await req.writeResponse { work in
            switch try await NoticeDesk.open(fields.request(policyID: policyID), principal: principal, in: work) {
            case .alreadyPaid(let letter, let file):
                // the refusal letter to the insured is the change; the refusal is its answer, stored with it
                return BimehErrorMiddleware.problemResponse(AppError(.conflict, code: "loss-already-paid",
                    detail: "این خسارت پیش‌تر در پروندهٔ \(file) پرداخت شده است؛ نامهٔ شمارهٔ \(letter) به بیمه‌گذار صادر شد."), request: req)
            case .opened(let claim):
                let response = Response(status: .created)
                try response.content.encode(try await ClaimView.load(claim, products: products, on: work.db), as: .json)
                return response
            }
        }
    }

    @Sendable func queue(req: Request) async throws -> Page<ClaimView> {
        let paging = try PageRequest(req)
        let query = Claim.query(on: req.db)
        if let status = req.query[String.self, at: "status"] {
            guard let state = ClaimState(rawValue: status) else {
                throw AppError.validation([FieldError(field: "status", code: "invalid-status", message: "وضعیت پرونده نامعتبر است.")])
            }
            query.filter(\.$status == state)
        }
        let total = try await query.count()
        let claims = try await query.sort(\.$createdAt, .descending).range((paging.page - 1) * paging.per ..< paging.page * paging.per).all()
        var items: [ClaimView] = []
        for claim in claims { items.append(try await ClaimView.load(claim, products: req.bimeh.products, on: req.db)) }
        return Page(items: items, page: paging.page, per: paging.per, total: total)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let claim = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db)
        let response = try await ClaimView.load(claim, products: req.bimeh.products, on: req.db).encodeResponse(for: req)
        response.headers.set(.eTag, "\"\(claim.version)\"")
        return response
    }

    /// Runs one step on a claim file and answers with the file as it now stands.
    /// A claim step read by `ClaimStep`, run in the file's transaction.
    private func run(_ req: Request, _ command: ClaimStep) async throws -> Response {
        try await step(req) { claim, principal, work in try await command.run(claim, principal: principal, in: work) }
    }

    private func step(_ req: Request, status: HTTPResponseStatus = .ok,
                      _ body: @escaping @Sendable (Claim, Principal, UnitOfWork) async throws -> Void) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        let ifMatch = req.headers.first(name: .ifMatch)
        let products = req.bimeh.products
        return try await req.writeResponse { work in
            let claim = try await ClaimAccess.claim(id, on: work.db)
            try ClaimAccess.checkVersion(claim, ifMatch: ifMatch)
            try await body(claim, principal, work)
            let response = Response(status: status)
            try response.content.encode(try await ClaimView.load(claim, products: products, on: work.db), as: .json)
            return response
        }
    }

    struct LateNotice: StrictRequestBody {
        static let fields: Set<String> = ["subjectUnchanged", "accept", "reason"]
        var subjectUnchanged: Bool?
        var accept: Bool?
        var reason: String?
    }

    @Sendable func lateNotice(req: Request) async throws -> Response {
        let body = try req.decodeStrict(LateNotice.self)
        return try await run(req, ClaimStep(.lateNotice, .init(subjectUnchanged: body.subjectUnchanged, accept: body.accept, reason: body.reason)))
    }

    struct LateNoticeFigures: StrictRequestBody {
        static let fields: Set<String> = ["averagePremium", "lastPremiumDate", "lastPremiumAmount", "averageInsured"]
        var averagePremium: Int64?
        var lastPremiumDate: String?
        var lastPremiumAmount: Int64?
        var averageInsured: Int64?
    }

    @Sendable func lateNoticeFigures(req: Request) async throws -> Response {
        let body = try req.decodeStrict(LateNoticeFigures.self)
        return try await run(req, ClaimStep(.lateNoticeFigures, .init(averagePremium: body.averagePremium, lastPremiumDate: body.lastPremiumDate,
                                                                     lastPremiumAmount: body.lastPremiumAmount, averageInsured: body.averageInsured)))
    }

    struct LateNoticeDecision: StrictRequestBody {
        static let fields: Set<String> = ["approve", "agreedAmount", "reason"]
        var approve: Bool?
        var agreedAmount: Int64?
        var reason: String?
    }

    @Sendable func lateNoticeCommission(req: Request) async throws -> Response {
        let body = try req.decodeStrict(LateNoticeDecision.self)
        return try await run(req, ClaimStep(.lateNoticeCommission, .init(reason: body.reason, agreedAmount: body.agreedAmount, approve: body.approve)))
    }

    @Sendable func lateNoticeHeadquarters(req: Request) async throws -> Response {
        let body = try req.decodeStrict(LateNoticeDecision.self)
        return try await run(req, ClaimStep(.lateNoticeHeadquarters, .init(reason: body.reason, agreedAmount: body.agreedAmount, approve: body.approve)))
    }

    @Sendable func documentRequest(req: Request) async throws -> Response { try await run(req, ClaimStep(.documentRequest, .init())) }

    @Sendable func upload(req: Request) async throws -> Response {
        let upload = try ClaimDocumentStore.decode(req)
        return try await step(req, status: .created) { claim, principal, work in
            try await ClaimDocumentStore.store(upload, claim: claim, principal: principal, in: work)
        }
    }

    @Sendable func download(req: Request) async throws -> Response {
        let claim = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db)
        guard let documentID = req.parameters.get("documentId", as: UUID.self),
              let document = try await ClaimDocument.find(documentID, on: req.db), document.$claim.id == claim.id else {
            throw AppError.notFound("سند")
        }
        let response = Response(status: .ok, body: .init(data: document.data))
        response.headers.set(.contentType, document.contentType)
        response.headers.set(.contentDisposition, "attachment; filename=\"document-\(documentID.uuidString).\(ClaimDocumentStore.fileExtension(document.contentType))\"")
        response.headers.set(.cacheControl, "private, no-store")
        return response
    }

    struct Inspection: StrictRequestBody {
        static let fields: Set<String> = ["visitDate", "expert", "independentExpert"]
        var visitDate: String?
        var expert: String?
        var independentExpert: String?
    }

    @Sendable func inspection(req: Request) async throws -> Response {
        let body = try req.decodeStrict(Inspection.self)
        return try await run(req, ClaimStep(.inspection, .init(visitDate: body.visitDate, expert: body.expert, independentExpert: body.independentExpert)))
    }

    @Sendable func approveInspection(req: Request) async throws -> Response { try await run(req, ClaimStep(.inspectionApproval, .init())) }

    struct Minutes: StrictRequestBody {
        static let fields: Set<String> = ["text"]
        var text: String?
    }

    @Sendable func minutes(req: Request) async throws -> Response {
        try await run(req, ClaimStep(.minutes, .init(text: try req.decodeStrict(Minutes.self).text)))
    }

    /// `loss` in rials, or for a third-party bodily case the forensic `diyaPercent` (with `death`).
    struct Assessment: StrictRequestBody {
        static let fields: Set<String> = ["loss", "salvage", "diyaPercent", "death", "items"]
        var loss: Int64?
        var salvage: Int64?
        var diyaPercent: String?
        var death: Bool?
        var items: [Item]?

        struct Item: Decodable, Sendable {
            var row: Int?
            var serial: String?
            var loss: Int64?
        }
    }

    @Sendable func assess(req: Request) async throws -> Response {
        let body = try req.decodeStrict(Assessment.self)
        return try await run(req, ClaimStep(.assessment, .init(assessment: .init(
            loss: body.loss, salvage: body.salvage, diyaPercent: body.diyaPercent, death: body.death,
            items: body.items?.map { DamagedItemInput(row: $0.row, serial: $0.serial, loss: $0.loss) }))))
    }

    @Sendable func settlement(req: Request) async throws -> SettlementView {
        let claim = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db)
        return SettlementView(try await SettlementDesk.settlement(claim, products: req.bimeh.products, on: req.db))
    }

    @Sendable func offer(req: Request) async throws -> Response { try await run(req, ClaimStep(.offer, .init())) }

    @Sendable func consent(req: Request) async throws -> Response { try await run(req, ClaimStep(.consent, .init())) }

    struct Reason: StrictRequestBody {
        static let fields: Set<String> = ["reason"]
        var reason: String?
    }

    @Sendable func dispute(req: Request) async throws -> Response {
        try await run(req, ClaimStep(.dispute, .init(reason: try req.decodeStrict(Reason.self).reason)))
    }

    struct Meeting: StrictRequestBody {
        static let fields: Set<String> = ["date", "notes", "agreedAmount"]
        var date: String?
        var notes: String?
        var agreedAmount: Int64?
    }

    @Sendable func meeting(req: Request) async throws -> Response {
        let body = try req.decodeStrict(Meeting.self)
        return try await run(req, ClaimStep(.meeting, .init(date: body.date, notes: body.notes, agreedAmount: body.agreedAmount)))
    }

    struct OrderPayment: StrictRequestBody {
        static let fields: Set<String> = ["collector", "notarizedCertificate", "notarizedCertificateNumber", "notarizedCertificateDate", "iban"]
        var collector: String?
        /// Still accepted: the certificate's number, as `notarizedCertificateNumber`.
        var notarizedCertificate: String?
        var notarizedCertificateNumber: String?
        var notarizedCertificateDate: String?
        var iban: String?
    }

    struct OrderedView: Content {
        var id: UUID?
        var number: String
        var amount: Int64
        var copies: Int
        var recipients: [String]
        var amountInWords: String?
        var iban: String?
    }

    @Sendable func paymentOrder(req: Request) async throws -> Response {
        let body = (req.body.data?.readableBytes ?? 0) > 0 ? try req.decodeStrict(OrderPayment.self) : OrderPayment()
        let command = try OrderClaimPayment(.init(collector: body.collector, notarizedCertificate: body.notarizedCertificate,
                                                  notarizedCertificateNumber: body.notarizedCertificateNumber,
                                                  notarizedCertificateDate: body.notarizedCertificateDate, iban: body.iban))
        let claimID = req.parameters.get("id", as: UUID.self), principal = try req.principal
        return try await req.respond(writing: { write in try await command.run(claimID: claimID, principal: principal, on: req.db, write: write) },
                                     answering: { order, _ in
            let response = Response(status: .created)
            try response.content.encode(OrderedView(id: order.id, number: order.printedNumber, amount: order.amount, copies: order.copies,
                                                    recipients: PaymentOrderDesk.recipients(of: order),
                                                    amountInWords: Rial(amount: order.amount).inWords, iban: order.iban), as: .json)
            return response
        })
    }

    /// The file's claim payment order marked paid by accounting, as `POST /payment-orders/{id}/paid`.
    @Sendable func paid(req: Request) async throws -> Response {
        let command = try PaymentOrderController.paidCommand(req)
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        return try await req.writeAnswer { work in
            let order = try await SettlementDesk.claimOrder(of: id, on: work.db)
            return try PaymentOrderDetail(try await command.run(orderID: order.requireID(), principal: principal, in: work))
        }
    }

    struct ExpertFee: StrictRequestBody {
        static let fields: Set<String> = ["amount", "expert"]
        var amount: Int64?
        var expert: String?
    }

    @Sendable func expertFee(req: Request) async throws -> Response {
        let body = try req.decodeStrict(ExpertFee.self)
        return try await run(req, ClaimStep(.expertFee, .init(expert: body.expert, amount: body.amount)))
    }

    @Sendable func approveExpertFee(req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        return try await req.writeAnswer(status: .created) { work in
            let order = try await SettlementDesk.approveExpertFee(try await ClaimAccess.claim(id, on: work.db), principal: principal, in: work)
            return OrderedView(id: order.id, number: order.printedNumber, amount: order.amount, copies: order.copies,
                               recipients: PaymentOrderDesk.recipients(of: order))
        }
    }

    @Sendable func close(req: Request) async throws -> Response { try await run(req, ClaimStep(.close, .init())) }

    @Sendable func reject(req: Request) async throws -> Response {
        try await run(req, ClaimStep(.rejection, .init(reason: try req.decodeStrict(Reason.self).reason)))
    }

    // MARK: report

    @Sendable func monthly(req: Request) async throws -> ClaimFigures.Report {
        guard let year = req.query[Int.self, at: "year"], let month = req.query[Int.self, at: "month"], (1...12).contains(month), (1300...1500).contains(year) else {
            throw AppError.validation([FieldError(field: "month", code: "invalid-month", message: "سال و ماه خورشیدی را بدهید (?year=1405&month=1).")])
        }
        return try await ClaimFigures.monthly(year: year, month: month, products: req.bimeh.products, on: req.db)
    }
}
