import Fluent
import Foundation
import InsuranceKit

/// Which report and month a request names (`/reports/{kind}/{year}/{month}`), read once for the
/// API and the pages: an unknown kind, month 13 or year 99999 is a 422 with its own code.
struct ReportAddress: Sendable {
    let kind: ReportKind
    let month: ReportMonth

    init(kind: String?, year: String?, month: String?) throws {
        self.kind = try DomainErrorMapping.validating(defaultField: "kind") { try ReportKind(parsing: kind ?? "") }
        self.month = try Self.month(year: year, month: month)
    }

    static func month(year: String?, month: String?) throws -> ReportMonth {
        guard let year = year.flatMap({ Int(Normalize.digits($0)) }) else {
            throw AppError.validation([FieldError(field: "year", code: "invalid-year", message: "سال را با رقم بنویسید (مثلاً ۱۴۰۵).")])
        }
        guard let month = month.flatMap({ Int(Normalize.digits($0)) }) else {
            throw AppError.validation([FieldError(field: "month", code: "invalid-month", message: "ماه را با رقم ۱ تا ۱۲ بنویسید.")])
        }
        return try DomainErrorMapping.validating(defaultField: "month") { try ReportMonth(year: year, month: month) }
    }

    var auditID: String { "\(kind.rawValue)/\(month.description)" }
}

/// R-RP-01/04: accounting approves a report once (audited).
struct ApproveReport: Sendable {
    let address: ReportAddress

    func run(principal: Principal, in work: UnitOfWork) async throws -> ReportWorkflow {
        try await ReportStateChange(address: address).change(in: work, action: "report.approved") { try $0.approve() }
    }
}

/// R-RP-01/04: a report sent to one recipient; statistics & reinsurance only once approved (409).
struct SendReport: Sendable {
    let address: ReportAddress
    let recipient: ReportRecipient

    init(address: ReportAddress, recipient: String?) throws {
        self.address = address
        self.recipient = try DomainErrorMapping.validating(defaultField: "recipient") { try ReportRecipient(parsing: recipient) }
    }

    func run(principal: Principal, in work: UnitOfWork) async throws -> ReportWorkflow {
        let recipient = self.recipient
        return try await ReportStateChange(address: address).change(in: work, action: "report.sent", detail: ["recipient": recipient.rawValue]) {
            try $0.send(to: recipient)
        }
    }
}

/// One audited state change of a report's workflow.
struct ReportStateChange: Sendable {
    static let conflicts: Set<String> = ["report-not-approved", "report-already-approved", "report-already-sent"]
    let address: ReportAddress

    func change(in work: UnitOfWork, action: String, detail: [String: String] = [:], _ step: (inout ReportWorkflow) throws -> Void) async throws -> ReportWorkflow {
        try DomainErrorMapping.validating(defaultField: "month") { try address.month.checkBegun(today: JalaliDate(date: work.now)) }
        let row = try await ReportDesk.stateRow(address.kind, address.month, on: work.db) ?? {
            let row = ReportState()
            row.kind = address.kind.rawValue
            row.month = address.month.key
            row.approved = false
            row.sentTo = "[]"
            return row
        }()
        var workflow = ReportWorkflow(approved: row.approved, sentTo: ReportDesk.recipients(row))
        let before = workflow.status.rawValue
        do { try step(&workflow) } catch let error as DomainError where Self.conflicts.contains(error.code) {
            throw AppError.conflict(error.code, error.message)
        } catch let error as DomainError {
            throw AppError.validation(error, field: error.field ?? "recipient")
        }
        row.approved = workflow.approved
        row.sentTo = try QuoteDesk.json(workflow.sentTo.map(\.rawValue))
        try await row.save(on: work.db)
        var after = detail
        after["status"] = workflow.status.rawValue
        try await work.audit(action, entity: "report", id: address.auditID, before: ["status": before], after: after)
        return workflow
    }
}

/// R-RP-02: month-end close. The month must have ended and follow the last closed one; its
/// aggregates are copied into the frozen figures, and later changes effective in it go to the
/// next open month as adjustments. Audited.
struct CloseMonth: Sendable {
    static let conflicts: Set<String> = ["month-already-closed", "month-close-out-of-order"]
    let month: ReportMonth

    struct Outcome: Sendable, Codable {
        var closed: Bool
        var year: Int
        var month: Int
        var entries: Int
    }

    func run(in work: UnitOfWork) async throws -> Outcome {
        let lastClosed = try await StatisticsStore.lastClosed(on: work.db)
        let previousOpenWithEntries = lastClosed == nil
            ? try await StatisticsEntry.query(on: work.db).filter(\.$month <= month.previous.key).count() > 0
            : false
        do {
            try MonthCloseRule.check(month, today: JalaliDate(date: work.now), lastClosed: lastClosed, previousOpenWithEntries: previousOpenWithEntries)
        } catch let error as DomainError where Self.conflicts.contains(error.code) {
            throw AppError.conflict(error.code, error.message)
        } catch let error as DomainError {
            throw AppError.validation(error, field: error.field ?? "month")
        }
        let cells = try await ReportDesk.liveCells(Set(StatisticsKind.allCases), month, on: work.db)
        let figures = cells.map { cell in
            let figure = FrozenFigure()
            figure.month = month.key
            figure.kind = cell.kind
            figure.department = cell.department
            figure.agency = cell.agency
            figure.product = cell.product
            figure.count = cell.count
            figure.amount = cell.amount
            return figure
        }
        for batch in stride(from: 0, to: figures.count, by: 500) {
            try await Array(figures[batch..<min(batch + 500, figures.count)]).create(on: work.db)
        }
        let close = MonthClose()
        close.month = month.key
        close.closedAt = work.now
        close.closedBy = work.actor.userID
        close.entries = cells.reduce(0) { $0 + $1.count }
        try await close.create(on: work.db)
        try await work.audit("month.closed", entity: "month", id: month.description,
                             after: ["entries": String(close.entries), "cells": String(figures.count)])
        return Outcome(closed: true, year: month.year, month: month.month, entries: close.entries)
    }
}
