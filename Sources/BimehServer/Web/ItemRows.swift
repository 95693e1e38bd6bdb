import InsuranceKit

/// A form of item rows sends only its filled rows; the product's errors name the sent list
/// (`inputs.items[0].value`). This puts each error back on the form's row, so that it shows
/// beside the right input and says the row the user sees.
enum ItemRows {
    static func onForm(_ error: PageError, rows: [Int], list: String = "items") -> PageError {
        let prefix = "inputs.\(list)[", plain = "\(list)["
        let start = error.field.hasPrefix(prefix) ? prefix : error.field.hasPrefix(plain) ? plain : nil
        guard let start, let close = error.field.firstIndex(of: "]"),
              let sent = Int(error.field[error.field.index(error.field.startIndex, offsetBy: start.count)..<close]),
              sent >= 0, sent < rows.count else { return error }
        let row = rows[sent]
        var moved = error
        moved.field = "\(start)\(row)]" + error.field[error.field.index(after: close)...]
        moved.message = error.message.replacingOccurrences(of: "(ردیف \(Normalize.persianDigits(String(sent + 1))))",
                                                           with: "(ردیف \(Normalize.persianDigits(String(row + 1))))")
        return moved
    }
}
