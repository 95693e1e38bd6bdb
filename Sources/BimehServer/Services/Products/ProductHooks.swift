import Fluent
import Foundation
import InsuranceKit
import Vapor

/// What a product adds to the generic lifecycle on the server: persistence and side effects
/// (registry events, licences, entitlements) and the product's own claim facts. Every method has
/// the generic answer as its default, so a product implements only what it adds; desks call the
/// hooks and never ask which product a policy is.
protocol ProductHooks: Sendable {
    var product: ProductCode { get }
    /// Persian names of the audit actions the product's own code writes (ActionNames).
    var actionNames: [String: String] { get }

    /// R-P-01: product checks of a registration (e.g. a group plan needs a legal customer), in its
    /// transaction, before anything is stored.
    func checkRegistration(inputs: String, customer: Customer) throws
    /// R-P-06: product checks before issue (e.g. a licence), and changes to the policy the issue
    /// makes (e.g. the term re-dated to the purchase day). Runs in the issue's transaction.
    func prepareIssue(_ policy: Policy, today: JalaliDate, in work: UnitOfWork) async throws
    /// After the policy took its number, in the same transaction.
    func issued(_ policy: Policy, in work: UnitOfWork) async throws
    /// R-P-07: the inputs an endorsement's `changes` make from the policy's (e.g. persons added
    /// and removed); nil for the generic answer, where top-level members replace the policy's.
    func endorsedInputs(current: Data, changes: Data) throws -> EndorsedInputs?
    /// After an endorsement was recorded (R-P-07), in its transaction.
    func endorsed(_ policy: Policy, in work: UnitOfWork) async throws
    /// When an endorsement's changes are applied to the policy (at once, or once its additional
    /// premium is paid), in that transaction; `effective` is its effective day.
    func endorsementTookEffect(_ policy: Policy, effective: JalaliDate, in work: UnitOfWork) async throws
    /// After the cancellation was recorded (R-P-08), in its transaction.
    func cancelled(_ policy: Policy, in work: UnitOfWork) async throws
    /// R-P-09: the next term's first day and the inputs it is priced with.
    func renewal(of old: Policy, today: JalaliDate, on db: any Database) async throws -> RenewalBasis

    // Products that price and apply their own changes, refunds and schedules (ProductMoneyHooks.swift).
    /// R-P-07: an endorsement's change priced by the product's own rule against what the database
    /// holds; nil for the generic repricing by days.
    func pricedEndorsement(_ policy: Policy, changes: Data, effective: JalaliDate, term: PolicyTerm,
                           on db: any Database) async throws -> PricedEndorsement?
    /// When an endorsement takes effect, with its record (`productChanges`), in that transaction.
    func endorsementApplied(_ endorsement: Endorsement, to policy: Policy, in work: UnitOfWork) async throws
    /// R-P-07/08: whether a refund beyond what is owed is paid out by a payment order.
    var refundsByPaymentOrder: Bool { get }
    /// R-P-07: how the printed endorsement words the basis of its premium difference.
    var endorsementDeltaBasis: String { get }
    /// R-P-08: the product's own cancellation money; nil for the generic pro-rata / short-period.
    func cancellationOutcome(_ policy: Policy, initiatedBy: CancellationInitiator, noticeDate: JalaliDate, noticeDays: Int,
                             ledger: PolicyLedger, term: PolicyTerm) throws -> CancellationOutcome?
    /// R-P-04: the product's own schedule of the quoted premium over the term; nil for the plan's.
    func premiumSchedule(quoted: Rial, inputs: String, term: PolicyTerm, plan: PaymentPlan) throws -> [ScheduledPayment]?
    /// R-P-09: after the renewal was registered, in its transaction.
    func renewed(_ policy: Policy, from old: Policy, in work: UnitOfWork) async throws

    /// The questions the notice form asks for the product's own facts (the API's field names).
    var noticeQuestions: [NoticeQuestion] { get }
    /// The product's own facts on a claim notice: required ones present, foreign ones refused.
    func checkNoticeFacts(_ facts: ClaimFacts, claimCase: ClaimCase) throws
    /// The product's conditions of cover for the case (e.g. a cover the policy must have bought),
    /// checked against the policy before the file opens.
    func checkCover(_ policy: Policy, claimCase: ClaimCase, facts: ClaimFacts, lossDate: JalaliDate) throws
    /// The product's checks of the notice against what the database holds (e.g. the person is
    /// insured on the loss day), before the generic cover check; answers the R-CL-06 condition
    /// codes the facts make hold on the file.
    func examineNotice(_ policy: Policy, claimCase: ClaimCase, facts: ClaimFacts, lossDate: JalaliDate,
                       on db: any Database) async throws -> Set<String>
    /// The condition codes `examineNotice` derives from the file, which the notice form does not ask.
    var derivedConditions: Set<String> { get }
    /// R-CL-12: whether an earlier file of the policy with the same loss date is this loss (then a
    /// paid one refuses the notice); by default every file of the day is.
    func isSameLoss(_ earlier: Claim, facts: ClaimFacts, on db: any Database) async throws -> Bool
    /// Keeps the checked facts on the new file.
    func record(_ facts: ClaimFacts, for claim: Claim, in work: UnitOfWork) async throws
    /// The product's facts of a file, as the file's page and API show them.
    func claimFacts(_ claim: Claim, on db: any Database) async throws -> [ClaimFactView]
    /// A reason to refuse the claim at notice (a letter ends the file), or nil.
    func refusal(for claim: Claim, policy: Policy, on db: any Database) async throws -> String?
    /// Checks before a loss is assessed (e.g. an approved inspection).
    func checkAssessment(_ claim: Claim, loss: Rial, on db: any Database) async throws
    /// What the assessment in rials asks: the loss's label, and whether salvage applies.
    var assessmentFields: AssessmentFields { get }
    /// Whether the case's loss is assessed as a share of a legal table (the diya) instead of rials.
    func assessesByShare(_ claim: Claim) -> Bool
    /// The loss of a case assessed by share.
    func lossFromShare(_ claim: Claim, share: Percent, death: Bool) throws -> Rial
    /// R-CL-08: the damaged items a claim names, each with the limit the policy gives it.
    func claimedItems(_ policy: Policy, damaged: [DamagedItemInput]) throws -> [ClaimedItem]
    /// The cap of the settlement, and whether earlier payments on the policy reduce it (R-CL-08).
    func settlementLimit(_ claim: Claim, policy: Policy) throws -> SettlementLimit
    /// A breakdown of the product's own lines instead of R-CL-08's (health: R-SH-04), or nil.
    func settlement(_ claim: Claim, policy: Policy, on db: any Database) async throws -> Settlement?
    /// After the file's payment order was issued, in its transaction (health: the ceilings spent).
    func paymentOrdered(_ claim: Claim, in work: UnitOfWork) async throws

    /// Product facts shown with the policy (API `GET /policies/{id}` and the page).
    func policyFacts(_ policy: Policy) -> PolicyFacts
    /// The insured persons the public authenticity inquiry shows, masked (R-SH-11); nil by default.
    func publicPersons(_ policy: Policy) -> PublicPersons?
    /// What the policy page shows of the product: a prerequisite still to be done before issue,
    /// and what was recorded for it.
    func policyPanel(_ policy: Policy, on db: any Database) async throws -> PolicyPanel
    /// How a cheque receipt of the policy prints (copies and subject); one plain sheet by default.
    func receiptPaper(_ policy: Policy, payment: Payment, on db: any Database) async throws -> ReceiptPaper
    /// The product's own papers of a quote (e.g. a printable plan letter), linked from its page.
    func quoteLinks(_ quote: Quote) throws -> [ProductSection.Link]

    // The policies list's search box (PolicySearchTerms.swift).
    /// Words of the policy's inputs the search box finds it by (e.g. a plate), in the form
    /// `searchKeys` reads a query into; stored when the policy is registered and its inputs change.
    func searchTerms(_ policy: Policy) -> [String]
    /// What a typed query is in this product's terms (e.g. a plate typed any way, made canonical).
    func searchKeys(_ query: String) -> [String]
}

/// One product fact asked on the notice form: a field of the API and its answers.
struct NoticeQuestion: Sendable, Encodable {
    struct Choice: Sendable, Encodable {
        var value: String
        var label: String
    }

    var name: String
    var label: String
    /// Empty: a typed answer (text, or rials when `amount`).
    var choices: [Choice]
    var amount = false

    static func text(_ name: String, _ label: String) -> NoticeQuestion {
        NoticeQuestion(name: name, label: label, choices: [])
    }

    static func rials(_ name: String, _ label: String) -> NoticeQuestion {
        NoticeQuestion(name: name, label: label, choices: [], amount: true)
    }

    static func yesNo(_ name: String, _ label: String) -> NoticeQuestion {
        NoticeQuestion(name: name, label: label, choices: [Choice(value: "yes", label: "بله"), Choice(value: "no", label: "خیر")])
    }
}

/// The inputs an endorsement prices, and where a problem the pricing finds is named for the
/// caller (the product's own change members rather than the inputs they became).
struct EndorsedInputs: Sendable {
    var inputs: Data
    var field: @Sendable (String) -> String = { $0 }

    func price(with product: any ProductLine, context: QuoteContext) throws -> ProductQuote {
        do { return try product.quote(inputs: inputs, context: context) } catch let error as DomainError {
            throw DomainError(code: error.code, message: error.message, field: error.field.map(field))
        } catch let failure as ValidationFailure {
            throw ValidationFailure(errors: failure.errors.map { DomainError(code: $0.code, message: $0.message, field: $0.field.map(field)) })
        }
    }
}

struct RenewalBasis: Sendable {
    var start: JalaliDate
    var inputs: Data
}

/// One damaged item as an assessment names it: its row on the policy (0-based) or its serial.
struct DamagedItemInput: Sendable {
    var row: Int?
    var serial: String?
    var loss: Int64?
}

/// The assessment form in rials (R-CL-07) as a product words it.
struct AssessmentFields: Sendable, Encodable {
    var lossLabel = "مبلغ خسارت (ارزش جایگزینی، ریال)"
    /// Salvage (بازیافت) is assessed; where not, a salvage above zero is "not-applicable".
    var salvage = true
}

struct SettlementLimit: Sendable {
    var cap: Rial
    var countsPreviousPayments: Bool
}

/// Product-specific facts of a claim notice, by API field name (`atFaultLicensed`, …).
struct ClaimFacts: Sendable {
    var flags: [String: Bool] = [:]
    var texts: [String: String] = [:]
    /// Rials (API integers; a form's answer when it reads as one).
    var amounts: [String: Int64] = [:]
    subscript(_ name: String) -> Bool? { flags[name] }
    var names: [String] { (Array(flags.keys) + Array(texts.keys) + Array(amounts.keys)).sorted() }
}

/// One product fact of a claim file as shown (API `facts`, the file's page).
struct ClaimFactView: Content {
    /// The API's field name.
    var name: String
    var label: String
    var value: String
    /// Rials, for pages that format amounts.
    var amount: Int64?
}

/// Product fields of the policy view. Only members some product fills; nil elsewhere.
struct PolicyFacts: Sendable {
    var plate: String?
    var vehicle: InsuredVehicle?
    /// Health lines: the persons the policy insures (API.md `insuredPersons`).
    var insuredPersons: [InsuredPersonView]?
}

/// API.md: `insuredPersons:[{nationalCode, relation, coverTo}]`, and the names when known.
struct InsuredPersonView: Sendable, Codable {
    var nationalCode: String
    var relation: String
    var coverTo: String
    var name: String?
    /// The relation in Persian, for pages and prints.
    var relationTitle: String
}

/// A person as the public authenticity inquiry shows them: enough for the person holding the
/// booklet to see that the policy is theirs, not enough to find them from the code.
struct PublicPerson: Content {
    /// Only the last four digits (`******9645`).
    var nationalCode: String
    var relation: String
    var relationTitle: String
    var coverTo: String

    static func mask(_ code: String) -> String {
        String(repeating: "*", count: max(0, code.count - 4)) + code.suffix(4)
    }
}

/// What the public inquiry says of a policy's persons: how many, and (where it reveals no one's
/// workforce) each of them masked.
struct PublicPersons: Sendable {
    var count: Int
    var listed: [PublicPerson]
}

/// Motor lines: the insured vehicle as the policy view (API and print) shows it, in full.
struct InsuredVehicle: Content {
    /// Canonical (`12ب345-66`) and as printed in Persian («۱۲ ب ۳۴۵ ایران ۶۶»).
    var plate: String
    var plateDisplay: String
    var vin: String?
    /// Whether the VIN's ninth character is its ISO 3779 check digit (informative only).
    var vinCheckDigitMatches: Bool?
    var chassisNumber: String?
    var engineNumber: String
    var make: String
    var model: String
    var modelYear: Int
}

struct PolicyPanel: Sendable {
    /// A prerequisite of issue that a seller completes on the page (e.g. the driving licence).
    var needsPrerequisite = false
    /// What was recorded for it, as one line.
    var recorded: String?
    /// Where the prerequisite's form posts.
    var formAction = ""
    /// Lines that insure persons: each with what is left of each cover, and the form changing them.
    var persons: PersonsPanel?
    /// The product's own steps on the page (ProductSection).
    var section: ProductSection?
    /// Links to the product's own endorsement pages, shown to those who may endorse.
    var pages: [PersonsPanel.Letter] = []
}

/// The insured persons on the policy page (R-SH-06, R-SH-10): each person's cover window and, per
/// cover, the annual ceiling, what paid claims used and what is left; and, where the product
/// offers it, an endorsement form adding persons from a CSV file and removing ticked ones.
struct PersonsPanel: Sendable, Encodable {
    struct Cover: Sendable, Encodable {
        var title: String
        var ceiling: Int64
        var used: Int64
        var left: Int64
    }

    struct Person: Sendable, Encodable {
        var nationalCode: String
        var name: String
        var relationTitle: String
        var insuranceNumber: String
        var coverFrom: String
        var coverTo: String
        /// Listed on the policy now (not removed by an endorsement).
        var listed: Bool
        var covers: [Cover]
    }

    var persons: [Person]
    /// How many cover windows there are in all; `persons` holds the first of them when a large
    /// group would make the page too long.
    var total = 0
    /// Where the endorsement form posts; nil when the page offers none.
    var changeAction: String?
    /// The CSV's first line, shown beside the file input.
    var csvHeader = ""
    /// What removing a person does beyond itself, in one sentence.
    var removalNote = ""
    /// Printable letters issued for the persons (e.g. introduction letters), newest first.
    var letters: [Letter] = []

    struct Letter: Sendable, Encodable {
        var label: String
        var href: String
    }
}

extension ProductHooks {
    var actionNames: [String: String] { [:] }
    func checkRegistration(inputs: String, customer: Customer) throws {}
    func prepareIssue(_ policy: Policy, today: JalaliDate, in work: UnitOfWork) async throws {}
    func issued(_ policy: Policy, in work: UnitOfWork) async throws {}
    func endorsedInputs(current: Data, changes: Data) throws -> EndorsedInputs? { nil }
    func endorsed(_ policy: Policy, in work: UnitOfWork) async throws {}
    func endorsementTookEffect(_ policy: Policy, effective: JalaliDate, in work: UnitOfWork) async throws {}
    func cancelled(_ policy: Policy, in work: UnitOfWork) async throws {}

    /// The next term starts the day the old one ends, on the inputs in force.
    func renewal(of old: Policy, today: JalaliDate, on db: any Database) async throws -> RenewalBasis {
        RenewalBasis(start: try JalaliDate(parsing: old.endDate), inputs: Data(old.inputs.utf8))
    }

    var noticeQuestions: [NoticeQuestion] { [] }

    func checkNoticeFacts(_ facts: ClaimFacts, claimCase: ClaimCase) throws {
        var reader = FieldReader()
        for name in facts.names {
            reader.add(name, "not-applicable", "این فیلد برای خسارت این نوع بیمه‌نامه نیست.")
        }
        try reader.throwIfAny()
    }

    func checkCover(_ policy: Policy, claimCase: ClaimCase, facts: ClaimFacts, lossDate: JalaliDate) throws {}
    func examineNotice(_ policy: Policy, claimCase: ClaimCase, facts: ClaimFacts, lossDate: JalaliDate,
                       on db: any Database) async throws -> Set<String> { [] }
    var derivedConditions: Set<String> { [] }
    func isSameLoss(_ earlier: Claim, facts: ClaimFacts, on db: any Database) async throws -> Bool { true }
    func record(_ facts: ClaimFacts, for claim: Claim, in work: UnitOfWork) async throws {}
    func claimFacts(_ claim: Claim, on db: any Database) async throws -> [ClaimFactView] { [] }
    func refusal(for claim: Claim, policy: Policy, on db: any Database) async throws -> String? { nil }
    func checkAssessment(_ claim: Claim, loss: Rial, on db: any Database) async throws {}
    var assessmentFields: AssessmentFields { AssessmentFields() }
    func assessesByShare(_ claim: Claim) -> Bool { false }

    func lossFromShare(_ claim: Claim, share: Percent, death: Bool) throws -> Rial {
        throw AppError.validation([FieldError(field: "diyaPercent", code: "not-applicable",
                                              message: "سهم دیه فقط در خسارت بدنی، سرنشین یا حادثهٔ رانندهٔ بیمهٔ شخص ثالث معنا دارد.")])
    }

    func claimedItems(_ policy: Policy, damaged: [DamagedItemInput]) throws -> [ClaimedItem] {
        throw AppError.validation([FieldError(field: "items", code: "not-applicable",
                                              message: "این نوع بیمه‌نامه فهرست اقلام بیمه‌شده ندارد؛ مبلغ خسارت را یکجا وارد کنید.")])
    }

    /// The policy's sum insured, less what earlier files were paid.
    func settlementLimit(_ claim: Claim, policy: Policy) throws -> SettlementLimit {
        SettlementLimit(cap: Rial(amount: policy.sumInsured), countsPreviousPayments: true)
    }

    func settlement(_ claim: Claim, policy: Policy, on db: any Database) async throws -> Settlement? { nil }
    func paymentOrdered(_ claim: Claim, in work: UnitOfWork) async throws {}

    func policyFacts(_ policy: Policy) -> PolicyFacts { PolicyFacts() }
    func publicPersons(_ policy: Policy) -> PublicPersons? { nil }
    func policyPanel(_ policy: Policy, on db: any Database) async throws -> PolicyPanel { PolicyPanel() }
    func receiptPaper(_ policy: Policy, payment: Payment, on db: any Database) async throws -> ReceiptPaper { ReceiptPaper() }
    func quoteLinks(_ quote: Quote) throws -> [ProductSection.Link] { [] }
    func searchTerms(_ policy: Policy) -> [String] { [] }
    func searchKeys(_ query: String) -> [String] { [] }
}

/// A product that adds nothing on the server.
struct GenericHooks: ProductHooks {
    let product: ProductCode
}
