@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Life death claims over the generic claim route (R-GL-10/11/12, R-IL-02, R-CL-02/03/10): the
/// member's row and the cause at notice, the late-notice form with the commission and HQ, the
/// suicide exclusion, the benefit, and the payment order in 3 copies. The group contract runs
/// 1405/01/10–1406/01/10 (class 2, 1,000,000,000 per person, death and accident covers).
@Suite("Life death claims over HTTP (R-GL-10…12, R-IL-02, R-CL-02/03)")
struct LifeClaimTests {
    @Test("R-CL-02/03 death 1405/02/01 notified 1405/02/15 → late: the file waits for the late-notice form; the commission approves 800,000,000")
    func lateCommission() async throws {
        try await TestApp.run(adjust: LifeClaimFlow.at("1406/01/25")) { app in
            let life = try await LifeClaimFlow.start(app)
            let id = try await life.groupContract()
            // 1405/02/01 + 10 days = 1405/02/11 < 1405/02/15: late
            let opened = try await life.notice(id, row: 1, death: "1405/02/01", notice: "1405/02/15")
            #expect(opened.status == .created, "\(opened.body.string)")
            #expect(opened.json["noticeLate"] as? Bool == true)
            #expect(opened.json["status"] as? String == "notified")
            #expect((opened.json["lateNoticeForm"] as? [String: Any])?["stage"] as? String == "awaiting-issuance")
            #expect((opened.json["lateNoticeForm"] as? [String: Any])?["needsHeadquarters"] as? Bool == false)
            let claimID = try #require(opened.json["id"] as? String)
            // held until the form is decided; the expert's attestation is not this line's path
            #expect(try await life.flow.post(claimID, "document-request").json["code"] as? String == "late-notice-undecided")
            #expect(try await life.flow.post(claimID, "late-notice", json: ["subjectUnchanged": true]).json["code"] as? String == "late-notice-commission")
            // the steps in order, each by its role
            #expect(try await life.flow.post(claimID, "late-notice/commission", json: ["approve": true, "agreedAmount": 800_000_000, "reason": "x"],
                                             token: life.flow.head).json["code"] as? String == "late-notice-wrong-stage")
            #expect(try await life.flow.post(claimID, "late-notice/figures", json: ["averagePremium": 1, "lastPremiumDate": "1405/01/10",
                                                                                    "lastPremiumAmount": 1, "averageInsured": 1], token: life.flow.head).status == .forbidden)
            let badFigures = try await life.flow.post(claimID, "late-notice/figures", json: ["averagePremium": -1, "lastPremiumDate": "1405/01/10",
                                                                                             "lastPremiumAmount": 414_000_000])
            #expect(badFigures.fieldCodes == ["averagePremium": "negative-amount", "averageInsured": "required"])
            let before = try await life.flow.app.send(.GET, "/api/v1/claims/\(claimID)", token: life.flow.claims).headers.first(name: .eTag)
            let figures = try await life.figures(claimID)
            #expect(figures.status == .ok, "\(figures.body.string)")
            // the step changed the file: its ETag moved, so an If-Match taken before it is refused
            let after = try await life.flow.app.send(.GET, "/api/v1/claims/\(claimID)", token: life.flow.claims).headers.first(name: .eTag)
            #expect(before != nil && after != nil && after != before)
            #expect(try await life.flow.post(claimID, "late-notice/commission", json: ["approve": true, "agreedAmount": 800_000_000, "reason": "x"])
                .status == .forbidden)
            let noAmount = try await life.flow.post(claimID, "late-notice/commission", json: ["approve": true, "reason": "تأخیر موجه"], token: life.flow.head)
            #expect(noAmount.fieldCodes == ["agreedAmount": "agreed-amount-required"])
            // the benefit is 1,000,000,000: an agreement above it is refused
            let above = try await life.flow.post(claimID, "late-notice/commission", json: ["approve": true, "agreedAmount": 1_000_000_001, "reason": "x"],
                                                 token: life.flow.head)
            #expect(above.fieldCodes == ["agreedAmount": "agreed-above-benefit"])
            let approved = try await life.flow.post(claimID, "late-notice/commission",
                                                    json: ["approve": true, "agreedAmount": 800_000_000, "reason": "تأخیر به سبب بستری بودن وراث"], token: life.flow.head)
            #expect(approved.status == .ok, "\(approved.body.string)")
            #expect(approved.json["lateDecision"] as? String == "accept")
            // the commission's letter was numbered in the outgoing register
            let letters = ((approved.json["entries"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "letter" }
            #expect(letters.count == 1 && (letters.first?["reference"] as? String)?.isEmpty == false)
            // illness: death cover only, 1,000,000,000; agreed 800,000,000 → −200,000,000
            let settlement = try await life.settlement(claimID)
            #expect(LifeClaimFlow.lines(settlement) == ["death": 1_000_000_000, "late-notice-agreed": -200_000_000])
            #expect(settlement.json["payable"] as? Int == 800_000_000)
            #expect(try await life.flow.post(claimID, "document-request").status == .ok)
            #expect(try await life.flow.post(claimID, "late-notice/commission", json: ["approve": false, "reason": "x"], token: life.flow.head)
                .json["code"] as? String == "late-notice-wrong-stage")
        }
    }

    @Test("R-CL-03 notified 1406/01/20 (> 1405/02/01 + 9 months = 1405/11/01) → the commission's approval waits for HQ; a rejection ends the file by letter")
    func headquarters() async throws {
        try await TestApp.run(adjust: LifeClaimFlow.at("1406/01/25")) { app in
            let life = try await LifeClaimFlow.start(app)
            let id = try await life.groupContract()
            let opened = try await life.notice(id, row: 1, death: "1405/02/01", notice: "1406/01/20")
            let claimID = try #require(opened.json["id"] as? String, "\(opened.body.string)")
            #expect(try await life.figures(claimID).status == .ok)
            let commission = try await life.flow.post(claimID, "late-notice/commission",
                                                      json: ["approve": true, "agreedAmount": 1_000_000_000, "reason": "مدارک کامل"], token: life.flow.head)
            #expect(commission.status == .ok, "\(commission.body.string)")
            #expect(commission.json["lateDecision"] == nil || commission.json["lateDecision"] is NSNull)
            #expect((commission.json["lateNoticeForm"] as? [String: Any])?["stage"] as? String == "awaiting-headquarters")
            #expect(try await life.flow.post(claimID, "document-request").json["code"] as? String == "late-notice-undecided")
            #expect(try await life.flow.post(claimID, "late-notice/headquarters", json: ["approve": true, "reason": "x"]).status == .forbidden)
            let hq = try await life.flow.post(claimID, "late-notice/headquarters", json: ["approve": true, "reason": "نامهٔ ستاد اشخاص ۱۲۳"], token: life.flow.head)
            #expect(hq.status == .ok, "\(hq.body.string)")
            #expect(hq.json["lateDecision"] as? String == "accept")
            // R-G-07: each step of the form is in the audit trail, by whom it was recorded
            let actions = try await AuditRecord.query(on: app.db).filter(\.$entity == "claim").filter(\.$entityID == claimID).all().map(\.action)
            for step in ["referred", "figures", "commission", "headquarters"] {
                #expect(actions.contains("claim.late-notice.\(step)"), "\(step)")
            }
            // agreed 1,000,000,000 = the benefit: no reduction
            #expect(LifeClaimFlow.lines(try await life.settlement(claimID)) == ["death": 1_000_000_000])

            // another member's late notice rejected by the commission: the file ends with a letter
            let second = try await life.notice(id, row: 3, death: "1405/02/01", notice: "1405/02/15")
            let secondID = try #require(second.json["id"] as? String)
            #expect(try await life.figures(secondID).status == .ok)
            let rejected = try await life.flow.post(secondID, "late-notice/commission", json: ["approve": false, "reason": "تأخیر بدون عذر موجه"], token: life.flow.head)
            #expect(rejected.json["status"] as? String == "rejected", "\(rejected.body.string)")
            #expect((rejected.json["endReason"] as? String)?.contains("تأخیر بدون عذر موجه") == true)
            #expect(rejected.json["lateDecision"] as? String == "reject")
        }
    }

    @Test("R-GL-12 an accidental death of the member with a 50 % extra, notified on time: straight to assessment; 1,000,000,000 + 1,000,000,000 paid by a 3-copy order")
    func accidentalDeath() async throws {
        try await TestApp.run(adjust: LifeClaimFlow.at("1406/01/25")) { app in
            let life = try await LifeClaimFlow.start(app)
            let id = try await life.groupContract()
            // 1405/03/01 + 10 = 1405/03/11 ≥ 1405/03/05: on time, no form
            let opened = try await life.notice(id, row: 2, cause: "accident", death: "1405/03/01", notice: "1405/03/05")
            #expect(opened.status == .created, "\(opened.body.string)")
            #expect(opened.json["noticeLate"] as? Bool == false)
            let claimID = try #require(opened.json["id"] as? String)
            #expect(LifeClaimFlow.fact(opened, "cause") == DeathCause.accident.title)
            // R-GL-12: death 1,000,000,000 + accidental death 1,000,000,000 = 2,000,000,000; the 50 % extra is the premium's, not the benefit's
            let settlement = try await life.settlement(claimID)
            #expect(LifeClaimFlow.lines(settlement) == ["death": 1_000_000_000, "accidental-death": 1_000_000_000])
            #expect(settlement.json["payable"] as? Int == 2_000_000_000)
            #expect(try await life.flow.post(claimID, "document-request").status == .ok)
            try await life.flow.uploadRequired(claimID, product: "group-life", kind: .death)
            #expect(try await life.flow.post(claimID, "assessment", json: ["loss": 1_000_000_000]).fieldCodes == ["loss": "loss-not-benefit"])
            #expect(try await life.flow.post(claimID, "assessment", json: ["loss": 2_000_000_000, "salvage": 5]).fieldCodes == ["salvage": "not-applicable"])
            #expect(try await life.flow.post(claimID, "assessment", json: ["loss": 2_000_000_000]).status == .ok)
            #expect(try await life.flow.post(claimID, "offer").status == .ok)
            #expect(try await life.flow.post(claimID, "consent").status == .ok)
            // R-GL-11: the head approves with the payment order, 3 copies, the third signed by the beneficiary's representative
            #expect(try await life.flow.order(claimID, token: life.flow.claims).status == .forbidden)
            let order = try await life.flow.order(claimID)
            #expect(order.status == .created, "\(order.body.string)")
            #expect(order.json["amount"] as? Int == 2_000_000_000)
            #expect(order.json["copies"] as? Int == 3)
            #expect((order.json["recipients"] as? [String])?.last?.contains("امضای نمایندهٔ قانونی") == true)
            // every letter sent took its own outgoing number: documents request, amount notice
            let file = try await life.claim(claimID)
            let references = ((file.json["entries"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "letter" }.compactMap { $0["reference"] as? String }
            #expect(references.count == 2 && Set(references).count == 2)

            // R-GL-10: a member's suicide in the contract's first year is refused by letter
            let suicide = try await life.notice(id, row: 5, cause: "suicide", death: "1405/03/01", notice: "1405/03/02")
            #expect(suicide.json["status"] as? String == "rejected", "\(suicide.body.string)")
            #expect(LifeClaimFlow.fact(suicide, LifeClaimFacts.exclusion) == "suicide-excluded")
        }
    }

    @Test("R-IL-02/R-GL-10 term life from 1405/01/10: suicide on 1408/01/10 (year 3) refused, on 1408/01/11 (year 4) pays 500,000,000")
    func suicideYears() async throws {
        try await TestApp.run(adjust: LifeClaimFlow.at("1408/01/15")) { app in
            let life = try await LifeClaimFlow.start(app)
            // three years from 24:00 of 1405/01/10 end at 24:00 of 1408/01/10
            let third = try await life.notice(try await life.termPolicy(), row: nil, cause: "suicide", death: "1408/01/10", notice: "1408/01/12")
            #expect(third.status == .created, "\(third.body.string)")
            #expect(third.json["status"] as? String == "rejected")
            #expect(LifeClaimFlow.fact(third, LifeClaimFacts.exclusion) == "suicide-excluded")
            #expect((third.json["endReason"] as? String)?.contains("R-IL-02") == true)
            let fourth = try await life.notice(try await life.termPolicy(), row: nil, cause: "suicide", death: "1408/01/11", notice: "1408/01/12")
            #expect(fourth.json["status"] as? String == "notified", "\(fourth.body.string)")
            let fourthID = try #require(fourth.json["id"] as? String)
            let settlement = try await life.settlement(fourthID)
            #expect(LifeClaimFlow.lines(settlement) == ["death": 500_000_000])
            #expect(settlement.json["payable"] as? Int == 500_000_000)
        }
    }

    @Test("R-GL-10 bad notices are 422 with stable codes and store nothing: not on the list, removed before the death, before the cover, unknown cause, a second death claim")
    func badNotices() async throws {
        try await TestApp.run(adjust: LifeClaimFlow.at("1406/01/25")) { app in
            let life = try await LifeClaimFlow.start(app)
            let id = try await life.groupContract()
            // row 4 left the list from 1405/01/20 (as the removal endorsement marks it)
            let member = try #require(try await GroupLifeMemberRecord.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).filter(\.$row == 4).first())
            member.removedOn = "1405/01/20"
            try await member.save(on: app.db)
            let before = try await life.counts()
            #expect(try await life.notice(id, row: 99, death: "1405/02/01", notice: "1405/02/05").fieldCodes == ["memberRow": "unknown-member"])
            #expect(try await life.notice(id, row: 4, death: "1405/02/01", notice: "1405/02/05").fieldCodes == ["memberRow": "member-removed"])
            // the cover starts at 24:00 of 1405/01/10
            #expect(try await life.notice(id, row: 1, death: "1405/01/10", notice: "1405/01/12").fieldCodes == ["lossDate": "loss-outside-cover"])
            #expect(try await life.notice(id, row: 1, cause: "old-age", death: "1405/02/01", notice: "1405/02/05").fieldCodes == ["cause": "unknown-cause"])
            #expect(try await life.notice(id, row: nil, death: "1405/02/01", notice: "1405/02/05").fieldCodes == ["memberRow": "required"])
            #expect(try await life.notice(id, row: 0, death: "1405/02/01", notice: "1405/02/05").fieldCodes == ["memberRow": "invalid-member-row"])
            #expect(try await life.notice(id, row: 1, death: "1405/02/01", notice: "1405/02/05", extra: ["cost": 5]).fieldCodes == ["cost": "not-applicable"])
            let after = try await life.counts()
            #expect(after.claims == before.claims && after.life == before.life)
            // a removal on the day of the death still covers it (through the effective day)
            member.removedOn = "1405/02/01"
            try await member.save(on: app.db)
            #expect(try await life.notice(id, row: 4, death: "1405/02/01", notice: "1405/02/05").status == .created)
            // one death claim per member, whatever the dates
            #expect(try await life.notice(id, row: 1, death: "1405/02/01", notice: "1405/02/05").status == .created)
            let twice = try await life.notice(id, row: 1, death: "1405/02/02", notice: "1405/02/05")
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.fieldCodes == ["memberRow": "death-already-claimed"])
            #expect(try await life.counts().life == before.life + 2)
            // term life insures one person: no row
            let term = try await life.termPolicy()
            #expect(try await life.notice(term, row: 1, death: "1405/02/01", notice: "1405/02/05").fieldCodes == ["memberRow": "not-applicable"])
        }
    }

    @Test("R-CL-03 on the pages: a late death notice from the form, issuance's figures by the expert, the commission's approval by the head")
    func pages() async throws {
        try await TestApp.run(adjust: LifeClaimFlow.at("1406/01/25")) { app in
            let life = try await LifeClaimFlow.start(app)
            let id = try await life.groupContract()
            let number = try #require(try await Policy.find(UUID(uuidString: id), on: app.db)?.printedNumber)
            var expert = WebPageTests.Browser(app: app)
            try await expert.signIn("claims")
            let form = try await expert.get("/claims/new")
            #expect(form.body.string.contains("عمر: علت فوت"))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: form.body.string))
            let opened = try await expert.post("/claims", form: ["_csrf": csrf, "policyNumber": Normalize.persianDigits(number), "lossDate": "1405/02/01",
                                                                 "noticeDate": "1405/02/15", "kind": "death", "description": "درخواست وراث",
                                                                 "memberRow": "۱", "cause": "illness"])
            #expect(opened.status == .seeOther, "\(opened.body.string)")
            // a row not on the list is refused on the form with its code, nothing stored
            let unknown = try await expert.post("/claims", form: ["_csrf": csrf, "policyNumber": Normalize.persianDigits(number), "lossDate": "1405/02/01",
                                                                  "noticeDate": "1405/02/15", "kind": "death", "description": "درخواست وراث",
                                                                  "memberRow": "۹۹", "cause": "illness"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("data-code=\"unknown-member\""))
            let path = try #require(opened.headers.first(name: .location))
            let page = try await expert.get(path)
            #expect(page.body.string.contains("فرم اعلام تأخیر"))
            #expect(page.body.string.contains("ثبت ارقام صدور"))
            #expect(page.body.string.contains("رونوشت خلاصهٔ فوت"))
            #expect(try await expert.post(path + "/steps/late-notice-figures", form: [
                "_csrf": csrf, "averagePremium": "۸۲۰٬۰۰۰٬۰۰۰", "averageInsured": "50", "lastPremiumDate": "1405/01/10", "lastPremiumAmount": "414000000"]).status == .seeOther)
            // the printable form carries issuance's figures for the commission
            let printed = try await expert.get(path + "/late-notice-form")
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains("۸۲۰٬۰۰۰٬۰۰۰"))
            #expect(printed.body.string.contains("تصمیم کمیسیون داخلی"))
            var head = WebPageTests.Browser(app: app)
            try await head.signIn("head")
            let waiting = try await head.get(path)
            #expect(waiting.body.string.contains("ثبت تصمیم کمیسیون"))
            let headCSRF = try #require(WebPageTests.Browser.hidden("_csrf", in: waiting.body.string))
            #expect(try await head.post(path + "/steps/late-notice-commission", form: [
                "_csrf": headCSRF, "approve": "yes", "agreedAmount": "800000000", "reason": "تأخیر موجه"]).status == .seeOther)
            let decided = try await expert.get(path)
            #expect(decided.body.string.contains(LateNoticeReview.Stage.approved.title))
            #expect(decided.body.string.contains("۸۰۰٬۰۰۰٬۰۰۰"))
        }
    }

    @Test("R-GL-10 two notices of one member's death at once: one file, the other death-already-claimed")
    func concurrentNotices() async throws {
        try await TestApp.run(adjust: LifeClaimFlow.at("1406/01/25")) { app in
            let life = try await LifeClaimFlow.start(app)
            let id = try await life.groupContract()
            async let first = life.notice(id, row: 7, death: "1405/02/01", notice: "1405/02/05")
            async let second = life.notice(id, row: 7, death: "1405/02/01", notice: "1405/02/06")
            let answers = try await [first, second]
            #expect(answers.map(\.status.code).sorted() == [201, 422], "\(answers.map(\.body.string))")
            #expect(answers.contains { $0.fieldCodes == ["memberRow": "death-already-claimed"] })
            #expect(try await LifeClaimRecord.query(on: app.db).filter(\.$memberRow == 7).count() == 1)
        }
    }
}
