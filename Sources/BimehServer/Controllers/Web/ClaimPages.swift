import Fluent
import InsuranceKit
import Vapor

/// The claims expert's and the head's pages: the work queue, the notice form, and the file with
/// its timeline, documents, settlement lines and every next step as a form.
struct ClaimPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(RequireRole(ClaimAccess.staff, web: true))
        staff.get(.claims, use: queue)
        staff.get(.claim(.key), use: show)
        staff.get(.claimDocumentsLetter(.key), use: documentsLetter)
        staff.get(.claimLateNoticeForm(.key), use: lateNoticeForm)
        let experts = routes.grouped(RequireRole([.claims], web: true))
        experts.get(.newClaim, use: newForm)
        experts.post(.claims, use: open)
        experts.upload(.claimDocuments(.key), limit: ClaimDocumentStore.maxUploadBody, use: upload)
        staff.post(.claimStep(.key, .key), use: step)
    }

    // MARK: queue

    // MARK: notice

    struct NoticeForm: Content {
        var policyNumber: String?
        var lossDate: String?
        var noticeDate: String?
        var description: String?
        var kind: String?
        /// Civil liability: the day the insured learned of the claim; empty: the loss date.
        var claimKnownDate: String?
        /// R-CL-06: the conditions ticked on the form.
        var conditions: [String]?

        static func flag(_ text: String?) -> Bool? {
            switch text { case "yes": true; case "no": false; default: nil }
        }

        /// The products' facts answered on the form, by the API's field names: yes/no as flags,
        /// rials as amounts (an unreadable one stays text, for the product to refuse), other
        /// answers as text; unanswered questions are absent.
        var answers: [String: String] = [:]

        func facts(_ questions: [NoticeQuestion]) -> ClaimFacts {
            var facts = ClaimFacts()
            for question in questions {
                guard let answer = answers[question.name], !answer.isEmpty else { continue }
                if question.amount, let rials = FormInput.integer(answer) {
                    facts.amounts[question.name] = rials
                } else if question.choices.isEmpty {
                    facts.texts[question.name] = answer
                } else if let flag = Self.flag(answer) {
                    facts.flags[question.name] = flag
                } else {
                    facts.texts[question.name] = answer
                }
            }
            return facts
        }
    }

    /// Where the file page's forms post: one step each.
    struct Links: Encodable {
        var documentsLetter, documents, lateNoticeForm: String
        var lateNotice, documentRequest, inspection, inspectionApproval, minutes, assessment, offer, consent, dispute: String
        var meeting, paymentOrder, expertFee, expertFeeApproval, close, rejection: String
        var lateNoticeFigures, lateNoticeCommission, lateNoticeHeadquarters: String

        init(_ id: UUID) {
            func step(_ name: String) -> String { WebPath.claimStep(id, name) }
            documentsLetter = WebPath.claimDocumentsLetter(id)
            documents = WebPath.claimDocuments(id)
            lateNoticeForm = WebPath.claimLateNoticeForm(id)
            lateNotice = step("late-notice"); documentRequest = step("document-request"); inspection = step("inspection")
            inspectionApproval = step("inspection-approval"); minutes = step("minutes"); assessment = step("assessment")
            offer = step("offer"); consent = step("consent"); dispute = step("dispute"); meeting = step("meeting")
            paymentOrder = step("payment-order"); expertFee = step("expert-fee")
            expertFeeApproval = step("expert-fee-approval"); close = step("close"); rejection = step("rejection")
            lateNoticeFigures = step("late-notice-figures"); lateNoticeCommission = step("late-notice-commission")
            lateNoticeHeadquarters = step("late-notice-headquarters")
        }
    }

    struct NoticeContext: Encodable {
        var chrome: PageChrome
        var form: NoticeForm
        var errors: [PageError]
        /// R-CL-06: every condition some product's checklist depends on, as a question.
        var conditions: [ConditionOption] = []
        /// The claim cases, grouped by product, and the products' own questions.
        var caseGroups: [CaseGroup] = []
        var questions: [QuestionView] = []
    }

    struct CaseGroup: Encodable {
        var title: String
        var cases: [CaseOption]
    }

    struct CaseOption: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct QuestionView: Encodable {
        var name: String
        var label: String
        var choices: [CaseOption]
        /// A typed answer (no choices): its value as entered, and whether it is rials.
        var typed: Bool
        var value: String
        var amount: Bool
    }

    /// The notice form's context: the cases and questions come from the product book.
    static func noticeContext(_ req: Request, form: NoticeForm, errors: [PageError]) -> NoticeContext {
        let products = req.bimeh.products
        let groups = products.catalog.lines.map { line in
            CaseGroup(title: line.title, cases: line.claimCases.map {
                CaseOption(value: $0.claimCase.rawValue, label: $0.title, selected: $0.claimCase.rawValue == form.kind)
            })
        }
        let questions = products.noticeQuestions.map { q in
            QuestionView(name: q.name, label: q.label, choices: q.choices.map {
                CaseOption(value: $0.value, label: $0.label, selected: form.answers[q.name] == $0.value)
            }, typed: q.choices.isEmpty, value: form.answers[q.name] ?? "", amount: q.amount)
        }
        return NoticeContext(chrome: PageChrome(req, title: "اعلام خسارت"), form: form, errors: errors,
                             conditions: conditionOptions(products, checked: form.conditions ?? []), caseGroups: groups, questions: questions)
    }

    struct ConditionOption: Encodable {
        var code: String
        var question: String
        var checked: Bool
    }

    static func conditionOptions(_ products: ProductBook, checked: [String]) -> [ConditionOption] {
        // conditions a product derives from the file itself are not asked
        var seen = Set<String>()
        return products.catalog.lines.flatMap { line in
            let derived = products.hooks(line.code).derivedConditions
            return line.claimCases.flatMap { line.documentConditions(for: $0.claimCase) }.filter { !derived.contains($0.code) }
        }
            .filter { seen.insert($0.code).inserted }
            .map { ConditionOption(code: $0.code, question: $0.question, checked: checked.contains($0.code)) }
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let today = req.bimeh.clock.today().description
        return try await req.page("claims/new", Self.noticeContext(req, form: NoticeForm(lossDate: today, noticeDate: today, kind: "general"), errors: []))
    }

    @Sendable func open(req: Request) async throws -> Response {
        var form = (try? req.content.decode(NoticeForm.self)) ?? NoticeForm()
        let questions = req.bimeh.products.noticeQuestions
        for question in questions {
            if let answer = try? req.content.get(String.self, at: question.name) { form.answers[question.name] = Normalize.text(answer) }
        }
        let principal = try req.principal
        var reader = FieldReader()
        let fields = OpenClaim.read(.init(lossDate: form.lossDate, noticeDate: form.noticeDate, description: form.description, kind: form.kind,
                                          claimKnownDate: form.claimKnownDate, conditions: form.conditions, facts: form.facts(questions)),
                                    known: req.bimeh.products.catalog.claimCases, into: &reader)
        let number = Normalize.digits(form.policyNumber ?? "").trimmingCharacters(in: .whitespaces)
        let parts = number.split(separator: "/").compactMap { Int($0) }
        var policyID: UUID?
        if parts.count == 2 {
            policyID = try await Policy.query(on: req.db).filter(\.$numberYear == parts[0]).filter(\.$number == parts[1]).first()?.id
        }
        if policyID == nil { reader.add("policyNumber", "unknown-policy", "بیمه‌نامه‌ای با شمارهٔ «\(number)» صادر نشده است (مثال: ۱۴۰۵/۱۲).") }
        do {
            try reader.throwIfAny()
            guard let policyID, let fields else { throw AppError.malformedJSON }
            let outcome = try await req.write { work in try await NoticeDesk.open(fields.request(policyID: policyID), principal: principal, in: work) }
            switch outcome {
            case .opened(let claim): return req.redirect(to: WebPath.claim(try claim.requireID()))
            case .alreadyPaid(let letter, let file):
                throw AppError(.conflict, code: "loss-already-paid", detail: "این خسارت پیش‌تر در پروندهٔ \(file) پرداخت شده است؛ نامهٔ شمارهٔ \(letter) صادر شد.")
            }
        } catch let error as AppError where error.status.code < 500 {
            let messages = PageError.list(error)
            return try await req.page("claims/new", Self.noticeContext(req, form: form, errors: messages), status: error.status)
        }
    }

    // MARK: file

    struct LineRow: Encodable {
        var label: String
        var rule: String
        var amount: Int64
    }

    struct TimelineRow: Encodable {
        var at: String
        var actor: String
        var text: String
    }

    struct ShowContext: Encodable {
        var chrome: PageChrome
        var claim: ClaimView
        var policyNumber: String
        var policyHref: String
        var customerName: String
        var productTitle: String
        var settlement: [LineRow]
        var approved: Int64?
        var payable: Int64?
        var settlementError: String?
        var timeline: [TimelineRow]
        var checklist: [ChecklistRow]
        var orders: [OrderRow]
        var links: Links
        var today: String
        var errors: [PageError]
        /// The step whose form was refused ("" when none) and its values as typed: that form comes
        /// back filled in, its messages beside its inputs (several forms share a field name).
        var failed = ""
        var typed: [String: String] = [:]
        var can: Actions
        /// A third-party bodily case: assessed as a share of the diya (R-TP-10).
        var inDiya = false
        /// R-SH-08: the late notice is the head's to accept or reject with a reason.
        var lateByHead = false
        /// The assessment form's wording (health: the accepted cost, no salvage).
        var assessment = AssessmentFields()
        /// The product's facts of the file (health: person, cover, cost, base insurer's share).
        var facts: [ClaimFactView] = []
        /// R-CL-03 with a commission: the late-notice form and the step this role may record.
        var lateReview: LateReviewView?
        /// The file's late-notice decision in Persian.
        var lateDecisionTitle: String?
        /// The SMS sent to the insured about this file.
        var messages: [SentMessageRow] = []
    }

    struct ChecklistRow: Encodable {
        var code: String
        var title: String
        var required: Bool
        var received: Bool
    }

    struct OrderRow: Encodable {
        var number: String
        var amount: Int64
        var href: String
        var purpose: String
        /// R-CL-10: accounting's payment, once made.
        var paidOn: String?
        var transferReference: String?
    }

    struct Actions: Encodable {
        var decideLate = false, requestDocuments = false, upload = false, inspect = false, approveInspection = false
        var assess = false, offer = false, consent = false, dispute = false, meeting = false, order = false
        var fee = false, approveFee = false, close = false, reject = false
    }

    @Sendable func show(req: Request) async throws -> Response {
        let claim = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db)
        return try await render(req, claim, errors: [], status: .ok)
    }

    private func render(_ req: Request, _ claim: Claim, errors: [PageError], failed: String = "", status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.principal
        let view = try await ClaimView.load(claim, products: req.bimeh.products, on: req.db)
        let policy = try await claim.$policy.get(on: req.db)
        let customer = try await policy.$customer.get(on: req.db)
        var lines: [LineRow] = [], approved: Int64?, payable: Int64?, settlementError: String?
        let hooks = req.bimeh.products.hooks(claim.product)
        // before the assessment only a product settling by its own lines has a breakdown (health: the claimed cost)
        do {
            let s = try await SettlementDesk.settlement(claim, products: req.bimeh.products, on: req.db)
            lines = s.lines.map { LineRow(label: $0.label, rule: $0.rule, amount: $0.amount.amount) }
            approved = s.approved.amount
            payable = s.payable.amount
        } catch let error as AppError where error.code != "not-assessed" || claim.loss != nil {
            settlementError = error.detail
        } catch let error as AppError where error.code == "not-assessed" {}
        let id = try claim.requireID()
        let audit = try await AuditRecord.query(on: req.db).filter(\.$entity == "claim").filter(\.$entityID == id.uuidString).sort(\.$id).all()
        let actors = try await ActorNames.load(audit, on: req.db)
        let checklist = try req.bimeh.products.checklist(claim.product, case: claim.claimCase)
        let documentTitles = Dictionary(checklist.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        let received = Set(view.documents.map(\.code))
        let orders = try await PaymentOrder.query(on: req.db).filter(\.$claim.$id == id).sort(\.$createdAt).all()
        let state = ClaimAccess.state(of: claim)
        // the lifecycle's answer for this role; the page adds only what depends on the file's data
        let allowed = Set(ClaimStateMachine.actions(from: state, role: principal.role))
        let lateOpen = claim.noticeLate && claim.lateDecision == nil
        let fees = view.entries.filter { $0.kind == "expert-fee" }
        let latePolicy = try req.bimeh.products.claimRules(claim.product).lateNoticePolicy
        var can = Actions()
        can.decideLate = allowed.contains(.decideLateNotice) && lateOpen && !state.isTerminal && principal.role == (latePolicy.decider ?? .claims)
            && latePolicy != .commission
        let lateReview = try await Self.lateReview(claim, role: principal.role, open: !state.isTerminal, on: req.db)
        can.requestDocuments = allowed.contains(.requestDocuments) && !lateOpen
        can.upload = allowed.contains(.uploadDocument)
        can.inspect = allowed.contains(.scheduleInspection) && !lateOpen
        can.approveInspection = allowed.contains(.approveInspection) && view.entries.contains { $0.kind == "inspection-scheduled" }
            && !view.entries.contains { $0.kind == "inspection-approved" }
        can.assess = allowed.contains(.assess) && !lateOpen
        can.offer = allowed.contains(.offer)
        can.consent = allowed.contains(.accept)
        can.dispute = allowed.contains(.dispute)
        can.meeting = allowed.contains(.holdMeeting)
        can.order = allowed.contains(.orderPayment)
        can.fee = allowed.contains(.setExpertFee) && fees.isEmpty
        can.approveFee = allowed.contains(.approveExpertFee) && !fees.isEmpty && !orders.contains { $0.purpose == "expert-fee" }
        can.close = allowed.contains(.close)
        can.reject = allowed.contains(.reject)
        var context = ShowContext(
            chrome: PageChrome(req, title: "پروندهٔ خسارت \(claim.printedFileNumber)"), claim: view, policyNumber: policy.printedNumber ?? "",
            policyHref: WebPath.policy(try policy.requireID()), customerName: customer.displayName,
            productTitle: (try? req.bimeh.products.line(claim.product).title) ?? claim.product.rawValue,
            settlement: lines, approved: approved, payable: payable, settlementError: settlementError,
            timeline: audit.map { TimelineRow(at: PageTime.format(iso: $0.at), actor: actors.name(of: $0), text: Self.describe($0, documents: documentTitles)) },
            // a conditional document whose condition holds on the file is as required as the others (R-CL-06)
            checklist: checklist.map { ChecklistRow(code: $0.code, title: $0.title, required: $0.isRequired(when: Set(claim.conditions ?? [])),
                                                    received: received.contains($0.code)) },
            orders: try orders.map { OrderRow(number: $0.printedNumber, amount: $0.amount, href: WebPath.paymentOrder(try $0.requireID()),
                                              purpose: $0.purpose == "expert-fee" ? "حق‌الزحمهٔ کارشناس" : "خسارت",
                                              paidOn: $0.paidOn, transferReference: $0.transferReference) },
            links: Links(id), today: req.bimeh.clock.today().description, errors: errors, can: can,
            inDiya: hooks.assessesByShare(claim), lateByHead: latePolicy.decider == .head, assessment: hooks.assessmentFields,
            facts: view.facts, lateReview: lateReview, lateDecisionTitle: claim.lateDecision?.title)
        context.messages = try await SentMessageRow.forClaim(id, on: req.db)
        if !failed.isEmpty {
            context.failed = failed
            context.typed = (try? req.content.decode([String: String].self)) ?? [:]
        }
        return try await req.page("claims/show", context, status: status)
    }

    /// A Persian line for the timeline from an audit record of the file; a document by its
    /// checklist title, never a machine code.
    static func describe(_ record: AuditRecord, documents: [String: String] = [:]) -> String {
        let after = record.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] } ?? [:]
        switch record.action {
        case "claim.opened": return "پرونده تشکیل شد (بیمه‌نامه \(Normalize.persianDigits(after["policy"] ?? "")))"
        case "claim.document-received": return "سند دریافت شد: \(after["code"].map { documents[$0] ?? "سند دیگر" } ?? "")"
        case "claim.late-notice-accepted":
            return after["reason"].map { "اعلام دیرهنگام پذیرفته شد: \($0)" } ?? "اعلام دیرهنگام پذیرفته شد (موضوع بیمه تغییر نکرده)"
        case "claim.late-notice.referred": return "اعلام دیرهنگام: فرم اعلام تأخیر تشکیل شد"
        case "claim.late-notice.figures": return "ارقام صدور در فرم اعلام تأخیر ثبت شد"
        case "claim.late-notice.commission":
            return "تصمیم کمیسیون: " + (after["approve"] == "true" ? "پذیرش" : "رد") + (after["reason"].map { " — \($0)" } ?? "")
        case "claim.late-notice.headquarters":
            return "پاسخ ستاد اشخاص: " + (after["approve"] == "true" ? "تأیید" : "عدم تأیید") + (after["reason"].map { " — \($0)" } ?? "")
        case let action where action.hasPrefix("claim.entry."): return after["text"] ?? "یادداشت پرونده"
        case let action where action.hasPrefix("claim."):
            guard let state = ClaimState(rawValue: after["status"] ?? "")?.title else { return "پرونده تغییر کرد" }
            return "وضعیت: \(state)" + (after["note"].map { " — \($0)" } ?? "")
        default: return "پرونده تغییر کرد"
        }
    }

    // MARK: steps

    struct StepForm: Content {
        var subjectUnchanged: String?
        var accept: String?
        var visitDate: String?
        var expert: String?
        var independentExpert: String?
        var text: String?
        var loss: String?
        var salvage: String?
        var reason: String?
        var date: String?
        var notes: String?
        var agreedAmount: String?
        var amount: String?
        var collector: String?
        var notarizedCertificate: String?
        var notarizedCertificateNumber: String?
        var notarizedCertificateDate: String?
        var iban: String?
        var diyaPercent: String?
        var death: String?
        var averagePremium: String?
        var lastPremiumDate: String?
        var lastPremiumAmount: String?
        var averageInsured: String?
        var approve: String?
    }

    static func rials(_ raw: String?) -> Int64? { FormInput.integer(raw) }

    /// The step form as the command's input: empty fields are absent, as in a JSON body.
    static func stepInput(_ form: StepForm) -> ClaimStep.Input {
        func text(_ raw: String?) -> String? { raw.flatMap { $0.isEmpty ? nil : $0 } }
        let agreed = text(form.agreedAmount), amount = text(form.amount)
        return ClaimStep.Input(
            subjectUnchanged: form.subjectUnchanged == "yes" ? true : form.subjectUnchanged == "no" ? false : nil,
            accept: form.accept == "yes" ? true : form.accept == "no" ? false : nil,
            visitDate: text(form.visitDate), expert: text(form.expert), independentExpert: text(form.independentExpert), text: text(form.text),
            reason: text(form.reason), date: text(form.date), notes: text(form.notes),
            agreedAmount: agreed.map { rials($0) ?? 0 }, amount: amount.map { rials($0) ?? 0 }, assessment: assessment(form),
            // an unreadable figure stays present as -1, for the command's "negative-amount"
            averagePremium: text(form.averagePremium).map { rials($0) ?? -1 }, lastPremiumDate: text(form.lastPremiumDate),
            lastPremiumAmount: text(form.lastPremiumAmount).map { rials($0) ?? -1 },
            averageInsured: text(form.averageInsured).map { rials($0) ?? -1 },
            approve: form.approve == "yes" ? true : form.approve == "no" ? false : nil)
    }

    /// The assessment form as the command's input: empty fields are absent, as in a JSON body.
    static func assessment(_ form: StepForm) -> AssessClaim.Input {
        let salvage = Normalize.text(form.salvage ?? ""), share = Normalize.text(form.diyaPercent ?? "")
        let loss = Normalize.text(form.loss ?? "")
        return AssessClaim.Input(loss: loss.isEmpty ? nil : rials(loss), salvage: salvage.isEmpty ? nil : rials(salvage),
                                 salvageUnreadable: !salvage.isEmpty && rials(salvage) == nil,
                                 diyaPercent: share.isEmpty ? nil : share, death: form.death == "on" ? true : nil)
    }

    @Sendable func step(req: Request) async throws -> Response {
        let principal = try req.principal
        let claim = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db)
        let id = try claim.requireID()
        let form = (try? req.content.decode(StepForm.self)) ?? StepForm()
        let step = req.parameters.get("step") ?? ""
        let heads: Set<String> = ["inspection-approval", "payment-order", "expert-fee-approval", "late-notice-commission", "late-notice-headquarters"]
        // a late notice is the expert's or the head's by the product (R-CL-03, R-SH-08): the desk decides
        let either = step == "late-notice" && [.claims, .head].contains(principal.role)
        guard either || principal.role == (heads.contains(step) ? .head : .claims) else { throw AppError.forbidden }
        do {
            if step == "payment-order" {
                let command = try OrderClaimPayment(.init(collector: form.collector, notarizedCertificate: form.notarizedCertificate,
                                                          notarizedCertificateNumber: form.notarizedCertificateNumber,
                                                          notarizedCertificateDate: form.notarizedCertificateDate, iban: form.iban))
                _ = try await command.run(claimID: id, principal: principal, on: req.db, write: { body in try await req.write(body) })
                return req.redirect(to: WebPath.claim(id))
            }
            guard let name = ClaimStep.Name(rawValue: step) else { throw AppError.notFound("اقدام") }
            try FormInput.refuseOverflow([("loss", form.loss), ("salvage", form.salvage), ("agreedAmount", form.agreedAmount), ("amount", form.amount),
                                          ("averagePremium", form.averagePremium), ("lastPremiumAmount", form.lastPremiumAmount), ("averageInsured", form.averageInsured)])
            let command = try ClaimStep(name, Self.stepInput(form))
            try await req.write { work in
                try await command.run(try await ClaimAccess.claim(id, on: work.db), principal: principal, in: work)
            }
            return req.redirect(to: WebPath.claim(id))
        } catch let error as AppError where error.status.code < 500 && error.status != .notFound {
            let fresh = try await ClaimAccess.claim(id, on: req.db)
            return try await render(req, fresh, errors: PageError.list(error), failed: step, status: error.status)
        }
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let principal = try req.principal
        let id = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db).requireID()
        do {
            let upload = try ClaimDocumentStore.decode(req)
            try await req.write { work in
                try await ClaimDocumentStore.store(upload, claim: try await ClaimAccess.claim(id, on: work.db), principal: principal, in: work)
            }
            return req.redirect(to: WebPath.claim(id))
        } catch let error as AppError where error.status.code < 500 {
            let fresh = try await ClaimAccess.claim(id, on: req.db)
            return try await render(req, fresh, errors: PageError.list(error), failed: "documents", status: error.status)
        }
    }

    // MARK: documents letter

    struct LetterContext: Encodable {
        var chrome: PageChrome
        var claim: ClaimView
        var customerName: String
        var policyNumber: String
        var missing: [RequiredDocument]
        var date: String
    }

    @Sendable func documentsLetter(req: Request) async throws -> Response {
        let claim = try await ClaimAccess.claim(req.parameters.get("id", as: UUID.self), on: req.db)
        let view = try await ClaimView.load(claim, products: req.bimeh.products, on: req.db)
        let policy = try await claim.$policy.get(on: req.db)
        let context = LetterContext(chrome: PageChrome(req, title: "درخواست مدارک"), claim: view,
                                    customerName: try await policy.$customer.get(on: req.db).displayName, policyNumber: policy.printedNumber ?? "",
                                    missing: view.missingDocuments, date: req.bimeh.clock.today().description)
        return try await req.page("claims/documents-letter", context)
    }
}
