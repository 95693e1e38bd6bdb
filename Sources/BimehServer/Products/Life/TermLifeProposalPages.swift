import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The individual term life proposal form (R-IL-01/02): the insured (the buyer), birth date, sum
/// insured, term in years, the doctor's extra when known, and the health questionnaire, which is
/// always answered here; priced on submit, then the generic quote page.
struct TermLifeProposalPages: RouteCollection {
    static let url = SiteURL.product(["quotes", "term-life"])

    func boot(routes: any RoutesBuilder) throws {
        let selling = routes.grouped(RequireRole(QuotePages.sellers, web: true))
        selling.get(Self.url, use: form)
        selling.post(Self.url, use: create)
    }

    struct Question: Encodable {
        var code: String
        var text: String
        /// "yes", "no" or "" (not answered).
        var answer: String
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var action: String
        var values: [String: String]
        var date: String
        var questions: [Question]
        var examinationFromSum: Int64
        var examinationFromAge: Int
        var errors: [PageError]
    }

    private func render(_ req: Request, values: [String: String], errors: [PageError], status: HTTPResponseStatus) async throws -> Response {
        let tariff = try LifeTariff.forYear(req.bimeh.clock.today().year)
        let questions = TermLifeQuestionnaire.questions.map { Question(code: $0.code, text: $0.text, answer: values["q-" + $0.code] ?? "") }
        let context = Context(chrome: PageChrome(req, title: "پیشنهاد بیمهٔ عمر زمانی انفرادی"), action: Self.url.path, values: values,
                              date: values["date"] ?? req.bimeh.clock.today().description, questions: questions,
                              examinationFromSum: tariff.termLife.examinationFromSum.amount, examinationFromAge: tariff.termLife.examinationFromAge,
                              errors: errors)
        return try await req.page("quotes/term-life", context, status: status)
    }

    @Sendable func form(req: Request) async throws -> Response {
        var values: [String: String] = [:]
        if let code = req.query[String.self, at: "nationalCode"] { values["nationalCode"] = String(code.prefix(20)) }
        return try await render(req, values: values, errors: [], status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let values = ((try? req.content.decode([String: String].self)) ?? [:]).mapValues { Normalize.text($0) }
        let principal = try req.principal
        var (customerID, date, errors) = try await ProposalCustomer.read(code: values["nationalCode"], date: values["date"], principal: principal, on: req.db)
        // R-IL-02: the questionnaire is always answered on the proposal
        var answers: [String: Bool] = [:]
        for question in TermLifeQuestionnaire.questions {
            switch values["q-" + question.code] {
            case "yes": answers[question.code] = true
            case "no": answers[question.code] = false
            default:
                errors.append(PageError(code: "questionnaire-incomplete", field: "inputs.healthAnswers.\(question.code)",
                                        message: "به پرسش «\(question.text)» پاسخ دهید."))
            }
        }
        guard errors.isEmpty, let date else { return try await render(req, values: values, errors: errors, status: .unprocessableEntity) }
        return try await EnterProposal.fromPage(req, product: TermLife().code.rawValue, customerID: customerID, date: date,
                                                inputs: Self.inputs(values, answers: answers), principal: principal) { error in
            try await render(req, values: values, errors: PageError.list(error), status: error.status)
        }
    }

    /// API.md's `inputs` from the form: numbers where numbers are expected, typed text left for the rules.
    static func inputs(_ values: [String: String], answers: [String: Bool]) -> [String: Any] {
        var inputs: [String: Any] = ["healthAnswers": answers]
        if let birth = values["birthDate"], !birth.isEmpty { inputs["birthDate"] = birth }
        for name in ["sumInsured", "termYears"] {
            guard let raw = values[name], !raw.isEmpty else { continue }
            inputs[name] = FormInput.amountJSON(raw)
        }
        if let extra = values["extraPercent"], !extra.isEmpty { inputs["extraPercent"] = FormInput.percentJSON(extra) }
        return inputs
    }
}
