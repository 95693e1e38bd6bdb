import InsuranceKit

/// The rules throw `DomainError` (one problem) or `ValidationFailure` (several); callers that
/// hand their input to the rules turn them into a 422 whose fields name the input, with
/// `defaultField` for an error that names none.
enum DomainErrorMapping {
    static func validating<T>(defaultField: String = "inputs", _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ValidationFailure {
            throw AppError.validation(failure.errors.map(FieldError.init))
        } catch let error as DomainError {
            throw AppError.validation(error, field: error.field ?? defaultField)
        }
    }

    static func validating<T>(defaultField: String = "inputs", _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as ValidationFailure {
            throw AppError.validation(failure.errors.map(FieldError.init))
        } catch let error as DomainError {
            throw AppError.validation(error, field: error.field ?? defaultField)
        }
    }
}
