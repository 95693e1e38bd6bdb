import Vapor
import InsuranceKit

/// The secretariat register (R-G-06): every letter in or out gets the next number of its year.
struct LetterController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let letters = routes.grouped(RequireRole([.admin, .issuer, .claims, .head, .accountant]))
        letters.post(.api(.letters), use: register)
        letters.get(.api(.letter(.key)), use: show)
    }

    struct RegisterLetter: StrictRequestBody {
        static let fields: Set<String> = ["direction", "subject", "correspondent"]
        var direction: String
        var subject: String
        var correspondent: String
    }

    struct LetterResponse: Content {
        var id: UUID?
        var year: Int
        var number: Int
        var registerNumber: String
        var direction: String
        var subject: String
        var correspondent: String
        var date: String

        init(_ l: Letter) {
            id = l.id
            year = l.year
            number = l.number
            registerNumber = l.registerNumber
            direction = l.direction.rawValue
            subject = l.subject
            correspondent = l.correspondent
            date = l.letterDate
        }
    }

    @Sendable func register(req: Request) async throws -> Response {
        let body = try req.decodeStrict(RegisterLetter.self)
        var errors: [FieldError] = []
        let direction = Letter.Direction(rawValue: body.direction)
        if direction == nil {
            errors.append(FieldError(field: "direction", code: "invalid-direction", message: "جهت نامه باید incoming، outgoing یا internal باشد."))
        }
        let subject = Normalize.text(body.subject), correspondent = Normalize.text(body.correspondent)
        if subject.isEmpty || subject.count > 300 {
            errors.append(FieldError(field: "subject", code: subject.isEmpty ? "required" : "too-long", message: "موضوع نامه را (حداکثر ۳۰۰ نویسه) وارد کنید."))
        }
        if correspondent.isEmpty || correspondent.count > 200 {
            errors.append(FieldError(field: "correspondent", code: correspondent.isEmpty ? "required" : "too-long", message: "فرستنده یا گیرندهٔ نامه را (حداکثر ۲۰۰ نویسه) وارد کنید."))
        }
        guard errors.isEmpty, let direction else { throw AppError.validation(errors) }
        let userID = try req.principal.userID
        return try await req.writeAnswer(status: .created) { work in
            LetterResponse(try await LetterBook.register(direction, subject: subject, correspondent: correspondent, userID: userID, in: work))
        }
    }

    @Sendable func show(req: Request) async throws -> LetterResponse {
        guard let id = req.parameters.get("id", as: UUID.self), let letter = try await Letter.find(id, on: req.db) else {
            throw AppError.notFound("نامه")
        }
        return LetterResponse(letter)
    }
}
