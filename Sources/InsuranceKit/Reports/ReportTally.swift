/// The rows and total of one monthly report (R-RP-03): entries summed per group (department,
/// agency or the company) and product, overflow-checked like every money sum.
public struct ReportTally: Sendable, Hashable {
    public struct Key: Hashable, Sendable, Comparable {
        public let group: String
        public let product: ProductCode

        public init(group: String, product: ProductCode) {
            self.group = group
            self.product = product
        }

        public static func < (a: Key, b: Key) -> Bool { (a.group, a.product) < (b.group, b.product) }
    }

    public struct Figure: Hashable, Sendable {
        public var count: Int
        public var amount: Rial

        public init(count: Int = 0, amount: Rial = .zero) {
            self.count = count
            self.amount = amount
        }
    }

    public private(set) var figures: [Key: Figure] = [:]

    public init() {}

    /// One entry; `count` more than 1 for an aggregate read from the store.
    public mutating func add(_ key: Key, count: Int = 1, amount: Rial) throws {
        var figure = figures[key] ?? Figure()
        figure.count += count
        figure.amount = try figure.amount.adding(amount)
        figures[key] = figure
    }

    /// Rows in group, then product order.
    public var rows: [(key: Key, figure: Figure)] { figures.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    public func total() throws -> Figure {
        try figures.values.reduce(into: Figure()) { sum, figure in
            sum.count += figure.count
            sum.amount = try sum.amount.adding(figure.amount)
        }
    }
}
