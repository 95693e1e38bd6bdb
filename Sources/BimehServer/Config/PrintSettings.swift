import Foundation

/// The insurer as every printed document names it in its letterhead, and the public address the
/// QR code of a policy's authenticity link points to. Demo values unless the environment sets them.
public struct PrintSettings: Sendable, Encodable, Equatable {
    /// `BIMEH_INSURER_NAME`
    public var insurerName = "شرکت بیمهٔ نمونه (سهامی عام) — مجتمع تهران"
    /// `BIMEH_INSURER_ADDRESS`
    public var address = "تهران، خیابان ولیعصر، بالاتر از میدان ونک، پلاک ۲۴۰۰، کد پستی ۱۹۶۷۹-۱۳۱۱۱"
    /// `BIMEH_INSURER_PHONE`
    public var phone = "۰۲۱-۸۸۷۷۶۶۵۵"
    /// `BIMEH_REGULATOR_CODE`: the insurer's code at the regulator (بیمهٔ مرکزی).
    public var regulatorCode = "۱۰۴۵"
    /// `BIMEH_PUBLIC_URL`: where the public reaches this server (no trailing slash); nil: the
    /// address the request came to, which is right for a demonstration on one machine.
    public var publicURL: String?

    public init() {}

    static func fromEnvironment(_ env: [String: String]) throws -> PrintSettings {
        var settings = PrintSettings()
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        if let v = value("BIMEH_INSURER_NAME") { settings.insurerName = v }
        if let v = value("BIMEH_INSURER_ADDRESS") { settings.address = v }
        if let v = value("BIMEH_INSURER_PHONE") { settings.phone = v }
        if let v = value("BIMEH_REGULATOR_CODE") { settings.regulatorCode = v }
        if let url = value("BIMEH_PUBLIC_URL") {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw AppConfig.Invalid(description: "BIMEH_PUBLIC_URL must be an http(s) URL (got '\(url)').")
            }
            settings.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        return settings
    }
}
