import Foundation

extension Normalize {
    /// A sign-in name as typed: surrounding spaces (a phone keyboard adds one after a word)
    /// dropped and letters lower-cased (a phone capitalizes the first letter), so that
    /// " Issuer" signs in as "issuer". Inner characters are kept.
    public static func username(_ typed: String) -> String {
        typed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
