extension SyntheticEntitlements {
    public struct Iterator: IteratorProtocol, Sendable {
        private var rng: SplitMix64
        private let persons: Int
        private let todayDay: Int
        /// Width of each person's slot in the nine-digit prefix range 1…999_999_999.
        private let slot: Int
        private var emitted = 0

        // The family being emitted.
        private var familyNumber = 0
        private var familyBase = ""
        private var familyPlan = ""
        private var familyValidTo = JalaliDate.earliestSupported
        private var dependantsLeft = 0
        private var dependantIndex = 0

        init(persons: Int, seed: UInt64, today: JalaliDate) {
            rng = SplitMix64(seed: seed)
            self.persons = persons
            todayDay = today.dayNumber
            slot = persons > 0 ? 999_999_999 / persons : 1
        }

        public mutating func next() -> Entitlement? {
            guard emitted < persons else { return nil }
            defer { emitted += 1 }
            let person = PersonIdentifier.national(nationalCode(slotIndex: emitted))
            if dependantsLeft == 0 {
                startFamily()
                return Entitlement(person: person, insuranceNumber: familyBase, validTo: familyValidTo,
                                   relation: .main, plan: familyPlan)
            }
            dependantsLeft -= 1
            dependantIndex += 1
            return Entitlement(person: person, insuranceNumber: dependantNumber(), validTo: familyValidTo,
                               relation: nextDependantRelation(), plan: familyPlan)
        }

        // MARK: Families

        private mutating func startFamily() {
            familyNumber += 1
            // 8 digits ("10000001") until 90M families; unique because the counter only grows.
            familyBase = String(10_000_000 + familyNumber)
            familyPlan = SyntheticEntitlements.plans[rng.below(SyntheticEntitlements.plans.count)]
            // ~10 % already expired (up to a year ago), the rest end within the next two years.
            let offset = rng.below(10) == 0 ? -(1 + rng.below(365)) : 1 + rng.below(730)
            familyValidTo = JalaliDate(dayNumber: todayDay + offset)
            // 0–4 dependants, small families more common: 30 / 25 / 20 / 15 / 10 %.
            let roll = rng.below(100)
            dependantsLeft = roll < 30 ? 0 : roll < 55 ? 1 : roll < 75 ? 2 : roll < 90 ? 3 : 4
            dependantIndex = 0
        }

        /// "10000001-01": two-digit suffix built from bytes, no formatter.
        private func dependantNumber() -> String {
            var bytes = Array(familyBase.utf8)
            bytes.append(0x2D)
            bytes.append(UInt8(0x30 + dependantIndex / 10))
            bytes.append(UInt8(0x30 + dependantIndex % 10))
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Spouse first (at most one, 70 %), then mostly children, a few parents.
        private mutating func nextDependantRelation() -> EntitlementRelation {
            if dependantIndex == 1, rng.below(10) < 7 {
                return .spouse
            }
            return rng.below(10) < 8 ? .child : .parent
        }

        // MARK: Codes

        /// A valid code inside this person's slot: random offset, so gaps are small but uneven,
        /// and codes strictly increase with the slot index. make(prefix:) refuses only the
        /// nine all-same-digit codes; the next prefix in the slot then serves.
        private mutating func nationalCode(slotIndex: Int) -> NationalCode {
            let start = 1 + slotIndex * slot
            var prefix = start + rng.below(slot)
            while true {
                if let code = NationalCode.make(prefix: prefix) { return code }
                prefix = prefix + 1 < start + slot ? prefix + 1 : start
            }
        }
    }
}
