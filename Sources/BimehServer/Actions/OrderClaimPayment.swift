import Fluent
import Foundation
import InsuranceKit

/// The head's payment order for an agreed file (R-CL-10, R-CL-12): one per file, however many
/// requests race for it, from the API or the claim page alike.
struct OrderClaimPayment: Sendable {
    struct Input: Sendable {
        var collector: String?
        var notarizedCertificate: String?
    }

    let collector: SettlementDesk.Collector
    let certificate: String?

    init(_ input: Input) throws {
        guard let collector = SettlementDesk.Collector(rawValue: input.collector.flatMap { $0.isEmpty ? nil : $0 } ?? "insured") else {
            throw AppError.validation([FieldError(field: "collector", code: "invalid-collector", message: "دریافت‌کننده باید insured، injured یا policyholder باشد.")])
        }
        self.collector = collector
        certificate = input.notarizedCertificate.map(Normalize.text).flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
    }

    /// Runs in a transaction of its own (`write`). A second request that lost the race to the
    /// unique index on (claim, purpose) is answered 409, as the state machine answers a later one.
    func run(claimID: UUID?, principal: Principal, on db: any Database,
             write: @Sendable (@escaping @Sendable (UnitOfWork) async throws -> PaymentOrder) async throws -> PaymentOrder) async throws -> PaymentOrder {
        let collector = self.collector, certificate = self.certificate
        do {
            return try await write { work in
                let claim = try await ClaimAccess.claim(claimID, on: work.db)
                return try await SettlementDesk.orderPayment(claim, collector: collector, notarizedCertificate: certificate, principal: principal, in: work)
            }
        } catch let error as AppError {
            throw error
        } catch {
            if try await PaymentOrder.query(on: db).filter(\.$claim.$id == claimID).filter(\.$purpose == PaymentOrderDesk.Purpose.claim.rawValue).count() > 0 {
                throw AppError.conflict("invalid-claim-transition", "حوالهٔ پرداخت این پرونده پیش‌تر صادر شده است.")
            }
            throw error
        }
    }
}
