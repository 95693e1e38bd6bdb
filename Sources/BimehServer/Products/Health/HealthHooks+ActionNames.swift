/// The Persian names of the health line's audit actions (ActionNames).
extension HealthHooks {
    var actionNames: [String: String] {
        [
            "health.center-registered": "ثبت مرکز درمانی طرف قرارداد",
            "health.direct-claim": "خسارت مستقیم مرکز درمانی",
            "health.introduction": "صدور معرفی‌نامهٔ درمان",
            "health.person-covered": "افزودن بیمه‌شدهٔ درمان",
            "health.person-cover-ended": "پایان پوشش بیمه‌شدهٔ درمان",
            "health.reimbursement-spent": "ثبت هزینهٔ خسارت درمان",
            "health.statement-approved": "تأیید صورت‌حساب مرکز درمانی",
            "health.statement-paid": "پرداخت صورت‌حساب مرکز درمانی",
        ]
    }
}
