/// R-CL-08: one damaged item a claim names, with the limit it has on the policy (computer
/// insurance: each computer up to its declared value, seed 002 «حداکثر تا ارزش رایانه»).
public struct ClaimedItem: Codable, Sendable, Hashable {
    /// Its row on the policy's list, 0-based, in the order the policy lists its items.
    public let index: Int
    /// Its serial on the policy, when the policy lists one.
    public let serial: String?
    /// The value the policy declares for it: the most this item is paid.
    public let declaredValue: Rial
    /// The loss the independent expert set for it (R-CL-07).
    public let loss: Rial

    public init(index: Int, serial: String?, declaredValue: Rial, loss: Rial) {
        self.index = index
        self.serial = serial
        self.declaredValue = declaredValue
        self.loss = loss
    }
}
