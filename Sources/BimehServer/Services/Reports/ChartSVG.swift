import Foundation
import InsuranceKit

/// Bar charts drawn on the server as inline SVG, so the dashboard needs no JavaScript: one group
/// of bars per label (e.g. premium and claims of a month), the bars scaled to the largest value,
/// values written under each group in Persian digits. Text is escaped; nothing else is variable.
enum ChartSVG {
    struct Series: Sendable {
        var name: String
        /// The stylesheet's colour class of the bars (`bar-premium`, `bar-claims`).
        var cssClass: String
        var values: [Int64]
    }

    static func bars(title: String, labels: [String], series: [Series], height: Int = 220) -> String {
        let groupWidth = 18 * max(series.count, 1) + 14
        let width = max(320, 40 + groupWidth * max(labels.count, 1))
        let top = 28, bottom = 46
        let plot = height - top - bottom
        let largest = max(1, series.flatMap(\.values).map { abs($0) }.max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-label=\"\(escape(title))\">"
        svg += "<title>\(escape(title))</title>"
        svg += "<line class=\"axis\" x1=\"20\" y1=\"\(top + plot)\" x2=\"\(width - 10)\" y2=\"\(top + plot)\"/>"
        for (index, label) in labels.enumerated() {
            let x0 = 24 + index * groupWidth
            for (s, one) in series.enumerated() {
                let value = index < one.values.count ? max(0, one.values[index]) : 0
                let h = Int((Double(value) / Double(largest) * Double(plot)).rounded())
                let x = x0 + s * 18
                svg += "<rect class=\"\(one.cssClass)\" x=\"\(x)\" y=\"\(top + plot - h)\" width=\"16\" height=\"\(h)\"><title>\(escape(label)) — \(escape(one.name)): \(Rial(amount: value).persianFormatted) ریال</title></rect>"
            }
            svg += "<text class=\"label\" x=\"\(x0 + groupWidth / 2 - 7)\" y=\"\(top + plot + 16)\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        var legendX = 24
        for one in series {
            svg += "<rect class=\"\(one.cssClass)\" x=\"\(legendX)\" y=\"8\" width=\"12\" height=\"12\"/><text class=\"legend\" x=\"\(legendX + 16)\" y=\"18\">\(escape(one.name))</text>"
            legendX += 24 + one.name.count * 8
        }
        svg += "</svg>"
        return svg
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
