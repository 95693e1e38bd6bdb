/// The Persian names of the group life line's audit actions (ActionNames).
extension GroupLifeHooks {
    var actionNames: [String: String] {
        [
            "group-life.contract-numbered": "شماره‌گذاری قرارداد عمر گروهی",
            "group-life.file-voided": "ابطال فهرست بیمه‌شدگان",
            "group-life.final-premium": "محاسبهٔ حق بیمهٔ قطعی",
            "group-life.member-added": "افزودن بیمه‌شدهٔ عمر گروهی",
            "group-life.member-removed": "حذف بیمه‌شدهٔ عمر گروهی",
            "group-life.member-underwritten": "ارزیابی پزشکی بیمه‌شده",
            "group-life.members-carried": "انتقال فهرست بیمه‌شدگان",
            "group-life.members-listed": "ثبت فهرست بیمه‌شدگان",
        ]
    }
}
