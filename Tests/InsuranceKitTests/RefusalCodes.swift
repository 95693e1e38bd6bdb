import InsuranceKit

/// A suite that asks which refusal a call gives: field → code, empty when it succeeds.
protocol RefusalCodes {}

extension RefusalCodes {
    func codes(_ body: () throws -> Any) -> [String: String] {
        do {
            _ = try body()
            return [:]
        } catch let error as DomainError {
            return [error.field ?? "": error.code]
        } catch let failure as ValidationFailure {
            return Dictionary(failure.errors.map { ($0.field ?? "", $0.code) }, uniquingKeysWith: { a, _ in a })
        } catch {
            return ["?": "\(error)"]
        }
    }
}
