extension QRCode {
    /// Inline SVG: one path of unit squares, with the four-module quiet zone the standard asks for.
    func svg(label: String, sizeCSS: String = "3cm") -> String {
        let quiet = 4, side = size + 2 * quiet
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + quiet) \(y + quiet)h1v1h-1z" }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" class="qr" role="img" aria-label="\(label)" viewBox="0 0 \(side) \(side)" \
        width="\(sizeCSS)" height="\(sizeCSS)" shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
        <path fill="#000" d="\(path)"/></svg>
        """
    }
}
