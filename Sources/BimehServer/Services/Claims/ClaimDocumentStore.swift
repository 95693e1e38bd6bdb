import Fluent
import Foundation
import InsuranceKit
import Vapor

/// Scanned documents of a claim file (R-CL-06): PDF or image, at most 5 MB, each filed against
/// an item of the product's checklist.
enum ClaimDocumentStore {
    static let maxFileSize = 5 * 1024 * 1024
    static let maxUploadBody: ByteCount = ByteCount(value: maxFileSize + 64 * 1024)
    static let allowedTypes: [String: String] = ["application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"]

    struct Upload: Sendable {
        var code: String
        var filename: String
        var contentType: String
        var data: Data
    }

    struct Form: Content {
        var code: String?
        var file: File?
    }

    static func decode(_ req: Request) throws -> Upload {
        guard req.headers.contentType?.type == "multipart" else {
            throw AppError(.unsupportedMediaType, code: "unsupported-media-type", detail: "سند را به صورت multipart/form-data با فیلدهای code و file بفرستید.")
        }
        try UploadLimit.refuseOversize(req, field: "file")
        let form: Form
        do { form = try req.content.decode(Form.self) } catch { throw AppError.validation([FieldError(field: "file", code: "invalid-upload", message: "فایل سند خوانده نشد.")]) }
        guard let file = form.file, file.data.readableBytes > 0 else {
            throw AppError.validation([FieldError(field: "file", code: "required", message: "فایل سند را پیوست کنید.")])
        }
        guard file.data.readableBytes <= maxFileSize else {
            throw UploadLimit.tooLarge(field: "file", limitBytes: maxFileSize)
        }
        let data = Data(file.data.readableBytesView)
        guard let type = sniff(data), allowedTypes[type] != nil else {
            throw AppError.validation([FieldError(field: "file", code: "unsupported-file-type", message: "فقط PDF، JPEG یا PNG پذیرفته می‌شود.")])
        }
        let code = Normalize.text(form.code ?? "")
        guard !code.isEmpty, code.count <= 100 else {
            throw AppError.validation([FieldError(field: "code", code: "required", message: "نوع سند (code) را از فهرست مدارک انتخاب کنید.")])
        }
        return Upload(code: code, filename: String(Normalize.text(file.filename).prefix(200)), contentType: type, data: data)
    }

    /// The type from the file's first bytes, not from what the client claims.
    static func sniff(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return "application/pdf" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        return nil
    }

    static func fileExtension(_ type: String) -> String { allowedTypes[type] ?? "bin" }

    static func store(_ upload: Upload, claim: Claim, principal: Principal, in work: UnitOfWork) async throws {
        let checklist = try work.products.checklist(claim.product, case: claim.claimCase)
        guard checklist.contains(where: { $0.code == upload.code }) else {
            throw AppError.validation([FieldError(field: "code", code: "unknown-document",
                message: "این نوع سند در فهرست مدارک این پرونده نیست: " + checklist.map(\.code).joined(separator: ", "))])
        }
        guard !ClaimAccess.state(of: claim).isTerminal else { throw AppError.conflict("claim-closed", "پرونده مختومه است.") }
        let document = ClaimDocument()
        document.$claim.id = try claim.requireID()
        document.code = upload.code
        document.filename = upload.filename
        document.contentType = upload.contentType
        document.size = upload.data.count
        document.data = upload.data
        document.$uploadedBy.id = principal.userID
        try await document.create(on: work.db)
        try await work.audit("claim.document-received", entity: "claim", id: try claim.requireID().uuidString,
                             after: ["code": upload.code, "size": String(upload.data.count), "type": upload.contentType])
    }
}
