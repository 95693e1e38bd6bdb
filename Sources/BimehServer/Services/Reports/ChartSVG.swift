import Foundation
import InsuranceKit

/// Bar charts drawn on the server as inline SVG, so the dashboard needs no JavaScript: one group
/// of bars per label (e.g. premium and claims of a month), the bars scaled to the largest value,
/// each bar's amount in its tooltip. Text is escaped; nothing else is variable.
enum ChartSVG {
    struct Series: Sendable {
        var name: String
        /// The stylesheet's colour class of the bars (`bar-premium`, `bar-claims`).
        var cssClass: String
        var values: [Int64]
    }

    /// Groups run right to left, as the page reads; the legend is at the top right.
    static func bars(title: String, labels: [String], series: [Series], height: Int = 220) -> String {
        let longest = labels.map(\.count).max() ?? 0
        let groupWidth = max(18 * max(series.count, 1) + 14, longest * 7 + 8)
        let width = max(320, 40 + groupWidth * max(labels.count, 1))
        let top = 28, bottom = 46
        let plot = height - top - bottom
        let largest = max(1, series.flatMap(\.values).map { abs($0) }.max() ?? 1)
        let bars = 18 * series.count
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" direction=\"rtl\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-label=\"\(escape(title))\">"
        svg += "<title>\(escape(title))</title>"
        svg += "<line class=\"axis\" x1=\"10\" y1=\"\(top + plot)\" x2=\"\(width - 10)\" y2=\"\(top + plot)\"/>"
        for (index, label) in labels.enumerated() {
            let x0 = width - 20 - (index + 1) * groupWidth
            let center = x0 + groupWidth / 2
            for (s, one) in series.enumerated() {
                let value = index < one.values.count ? max(0, one.values[index]) : 0
                let h = Int((Double(value) / Double(largest) * Double(plot)).rounded())
                let x = center - bars / 2 + s * 18
                svg += "<rect class=\"\(one.cssClass)\" x=\"\(x)\" y=\"\(top + plot - h)\" width=\"16\" height=\"\(h)\"><title>\(escape(label)) — \(escape(one.name)): \(Rial(amount: value).persianFormatted) ریال</title></rect>"
            }
            svg += "<text class=\"label\" x=\"\(center)\" y=\"\(top + plot + 16)\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        var legendX = width - 24
        for one in series {
            // the swatch, then its name to its left (an RTL text starts at its right end)
            svg += "<rect class=\"\(one.cssClass)\" x=\"\(legendX)\" y=\"8\" width=\"12\" height=\"12\"/><text class=\"legend\" x=\"\(legendX - 4)\" y=\"18\">\(escape(one.name))</text>"
            legendX -= 28 + one.name.count * 7
        }
        svg += "</svg>"
        return svg
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
