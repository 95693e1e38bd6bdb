import Vapor

extension HTTPHeaders {
    /// Sets a header to exactly one value, dropping any earlier ones.
    mutating func set(_ name: HTTPHeaders.Name, _ value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    mutating func set(_ name: String, _ value: String) {
        set(HTTPHeaders.Name(name), value)
    }
}
