import Fluent
import Foundation
import InsuranceKit

/// The head's payment order for an agreed file (R-CL-05, R-CL-10, R-CL-12): one per file, however
/// many requests race for it, from the API or the claim page alike.
struct OrderClaimPayment: Sendable {
    struct Input: Sendable {
        var collector: String?
        /// The earlier free-text field, still accepted: it stands for the certificate's number.
        var notarizedCertificate: String?
        var notarizedCertificateNumber: String?
        var notarizedCertificateDate: String?
        var iban: String?
    }

    let collector: SettlementDesk.Collector
    let certificate: SettlementDesk.CertificateInput
    let iban: Sheba

    init(_ input: Input) throws {
        var reader = FieldReader()
        let collector = SettlementDesk.Collector(rawValue: input.collector.flatMap { $0.isEmpty ? nil : $0 } ?? "insured")
        if collector == nil { reader.add("collector", "invalid-collector", "دریافت‌کننده باید insured، injured یا policyholder باشد.") }
        var iban: Sheba?
        if Normalize.text(input.iban ?? "").isEmpty {
            let _: Sheba? = reader.missing("iban")
        } else {
            do { iban = try Sheba(input.iban ?? "") } catch let error as DomainError { reader.add("iban", error.code, error.message) }
        }
        func given(_ raw: String?) -> String? { raw.map(Normalize.text).flatMap { $0.isEmpty ? nil : $0 } }
        let number = given(input.notarizedCertificateNumber) ?? given(input.notarizedCertificate)
        let date = given(input.notarizedCertificateDate).flatMap { reader.date($0, "notarizedCertificateDate") }
        try reader.throwIfAny()
        guard let collector, let iban else { throw AppError.malformedJSON }
        self.collector = collector
        self.iban = iban
        certificate = .init(number: number, date: date)
    }

    /// Runs in a transaction of its own (`write`). A second request that lost the race to the
    /// unique index on (claim, purpose) is answered 409, as the state machine answers a later one.
    func run(claimID: UUID?, principal: Principal, on db: any Database,
             write: @Sendable (@escaping @Sendable (UnitOfWork) async throws -> PaymentOrder) async throws -> PaymentOrder) async throws -> PaymentOrder {
        let collector = self.collector, certificate = self.certificate, iban = self.iban
        do {
            return try await write { work in
                let claim = try await ClaimAccess.claim(claimID, on: work.db)
                return try await SettlementDesk.orderPayment(claim, collector: collector, certificate: certificate, iban: iban, principal: principal, in: work)
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
