/// The code printed on a policy for the public authenticity inquiry (R-TP-13, R-SH-11): 16
/// characters from an alphabet without look-alikes (no I, O, 0, 1), 80 random bits.
enum PolicyUniqueCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    static let length = 16

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
