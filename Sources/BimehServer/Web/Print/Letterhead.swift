import Vapor
import InsuranceKit

/// The letterhead block every printed document opens with (`print/letterhead.leaf`), from the
/// configured `PrintSettings`, digits in Persian.
struct Letterhead: Encodable {
    var name: String
    var address: String
    var phone: String
    var regulatorCode: String

    init(_ settings: PrintSettings) {
        name = settings.insurerName
        address = Normalize.persianDigits(settings.address)
        phone = Normalize.persianDigits(settings.phone)
        regulatorCode = Normalize.persianDigits(settings.regulatorCode)
    }
}

extension Request {
    /// The public address of this server, for links printed on paper (the QR of a policy).
    var publicBaseURL: String {
        if let configured = bimeh.config.print.publicURL { return configured }
        let host = headers.first(name: .host) ?? "127.0.0.1:8080"
        return "http://" + host
    }
}
