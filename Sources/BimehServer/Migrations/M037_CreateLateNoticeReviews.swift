import Fluent

/// R-CL-03: the late-notice form of a file whose product sends late notices to a commission.
struct M037_CreateLateNoticeReviews: AsyncMigration {
    var name: String { "037_CreateLateNoticeReviews" }

    func prepare(on database: any Database) async throws {
        try await database.schema("claim_late_notice_reviews")
            .field("claim_id", .uuid, .identifier(auto: false), .references("claims", "id", onDelete: .cascade))
            .field("needs_headquarters", .bool, .required)
            .field("average_premium", .int64)
            .field("last_premium_date", .string)
            .field("last_premium_amount", .int64)
            .field("average_insured", .int)
            .field("commission_approved", .bool)
            .field("agreed_amount", .int64)
            .field("commission_reason", .string)
            .field("headquarters_approved", .bool)
            .field("headquarters_reason", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("claim_late_notice_reviews").delete()
    }
}
