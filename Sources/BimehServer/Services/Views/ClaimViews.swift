import Fluent
import Foundation
import InsuranceKit
import Vapor

/// API bodies of claim files.
struct ClaimView: Content {
    var id: UUID?
    var fileNumber: String
    var noticeLetter: String
    var status: String
    var statusTitle: String
    var version: Int
    var policyId: UUID
    var product: String
    var lossDate: String
    var noticeDate: String
    /// R-CL-02: civil liability counts its days from here when given.
    var claimKnownDate: String?
    /// R-CL-06: the conditions that hold on the file.
    var conditions: [String]
    var description: String
    var kind: String
    var noticeLate: Bool
    var daysLate: Int
    var lateDecision: String?
    var premiumInquiry: PremiumInquiryOutcome?
    var loss: Int64?
    var salvage: Int64?
    var agreedAmount: Int64?
    var endReason: String?
    var paidOn: String?
    var missingDocuments: [RequiredDocument]
    var documents: [DocumentView]
    var entries: [EntryView]
    var paymentOrders: [PaymentOrderDetail]
    /// The product's facts of the file (health: `personNationalCode`, `cover`, `cost`, `basePaid`).
    var facts: [ClaimFactView]
    /// R-CL-03: the late-notice form of a file whose line sends late notices to a commission.
    var lateNoticeForm: LateNoticeFormView?

    struct LateNoticeFormView: Content {
        var stage: String
        var needsHeadquarters: Bool
        var agreedAmount: Int64?
    }

    struct DocumentView: Content {
        var id: UUID?
        var code: String
        var filename: String
        var contentType: String
        var size: Int
    }

    struct EntryView: Content {
        var kind: String
        var date: String
        var text: String
        var amount: Int64?
        var reference: String?
    }

    static func load(_ c: Claim, products: ProductBook, on db: any Database) async throws -> ClaimView {
        let id = try c.requireID()
        let documents = try await ClaimDocument.query(on: db).filter(\.$claim.$id == id).field(\.$id).field(\.$code).field(\.$filename)
            .field(\.$contentType).field(\.$size).field(\.$claim.$id).sort(\.$createdAt).all()
        let entries = try await ClaimEntry.query(on: db).filter(\.$claim.$id == id).sort(\.$createdAt).all()
        let orders = try await PaymentOrder.query(on: db).filter(\.$claim.$id == id).sort(\.$createdAt).all()
        let state = ClaimAccess.state(of: c)
        return ClaimView(
            id: id, fileNumber: c.printedFileNumber, noticeLetter: c.noticeLetter, status: c.status.rawValue, statusTitle: state.title, version: c.version,
            policyId: c.$policy.id, product: c.product.rawValue, lossDate: c.lossDate, noticeDate: c.noticeDate, claimKnownDate: c.claimKnownDate, conditions: c.conditions ?? [], description: c.description,
            kind: c.claimCase.rawValue, noticeLate: c.noticeLate, daysLate: c.daysLate, lateDecision: c.lateDecision?.rawValue,
            premiumInquiry: try? NoticeDesk.decodedInquiry(c), loss: c.loss, salvage: c.salvage, agreedAmount: c.agreedAmount,
            endReason: c.endReason, paidOn: c.paidOn, missingDocuments: try await ClaimWorkflow.missingDocuments(c, products: products, on: db),
            documents: documents.map { DocumentView(id: $0.id, code: $0.code, filename: $0.filename, contentType: $0.contentType, size: $0.size) },
            entries: entries.map { EntryView(kind: $0.kind.rawValue, date: $0.entryDate, text: $0.text, amount: $0.amount, reference: $0.reference) },
            paymentOrders: try orders.map(PaymentOrderDetail.init), facts: try await products.hooks(c.product).claimFacts(c, on: db),
            lateNoticeForm: try await lateNoticeForm(c, on: db))
    }

    static func lateNoticeForm(_ c: Claim, on db: any Database) async throws -> LateNoticeFormView? {
        guard let record = try await LateNoticeCommission.stored(c, on: db) else { return nil }
        return LateNoticeFormView(stage: try LateNoticeCommission.form(c, record).stage.rawValue, needsHeadquarters: record.needsHeadquarters,
                                  agreedAmount: record.agreedAmount)
    }
}

struct SettlementView: Content {
    var lines: [QuoteLine]
    var approved: Int64
    var payable: Int64

    init(_ s: Settlement) {
        lines = s.lines
        approved = s.approved.amount
        payable = s.payable.amount
    }
}
