import Fluent

/// Every schema change, in the order it is applied. Append new ones at the end; never reorder.
enum BimehMigrations {
    static let all: [any AsyncMigration] = [
        M001_CreateOrganization(),
        M002_CreateUsers(),
        M003_CreateAuthTokens(),
        M004_CreateCustomers(),
        M005_CreateRegisters(),
        M006_CreateAuditTrail(),
        M007_CreateLetters(),
        M008_CreateQuotesAndPolicies(),
        M009_CreatePaymentsAndEndorsements(),
        M010_CreateIdempotencyRecords(),
        M011_CreateClaims(),
        M012_CreateThirdPartyRecords(),
        M013_CreateEligibility(),
        M014_AddThirdPartyClaimFacts(),
        M015_CreateTariffFiles(),
        M016_AddClaimKnownDate(),
        M017_AddClaimConditions(),
        M018_AddClaimedItems(),
        M019_AddPolicyChannel(),
        M020_AddPaymentInstallment(),
        M021_MoveThirdPartyClaimFacts(),
        M022_IndexChequeNumbers(),
        M023_AddSlipAndChequeAccount(),
        M024_CreateFormTokens(),
        M025_AddPaymentOrderSettlement(),
        M026_CreateHealthPersons(),
        M027_CreateHealthCenters(),
        M028_AddIdempotencyLease(),
        M029_CreateHealthStatements(),
        M030_CreateHealthReimbursements(),
        M035_CreateGroupLifeContracts(),
        M036_CreateGroupLifeMembers(),
        M041_CreateStatisticsEntries(),
        M042_CreateMonthCloses(),
        M043_CreateReportStates(),
        // last: seals the rows every earlier migration left
        M040_SealExistingRows(),
    ]
}
