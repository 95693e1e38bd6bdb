/// R-G-08: a customer is registered once for the whole insurer, but an agency sees only the
/// customers who came to it. When an agency brings an identity another channel registered, it
/// proves it has the person in front of it by sending what the record holds: a natural person's
/// first name, last name and birth date; a legal person's name. Only then is the record shown and
/// linked to the agency; otherwise nothing of it is revealed.
public enum RegisteredPartyMatch {
    /// Both names and the birth date given and equal to the stored ones. Names compare after text
    /// normalization (Arabic ي/ك, digits, spacing) with every space and ZWNJ removed, since «محمدعلی»,
    /// «محمد علی» and «محمد‌علی» are one name typed three ways. A stored record without a birth date
    /// cannot be matched: the names alone are too easy to know.
    public static func natural(storedFirstName: String?, storedLastName: String?, storedBirthDate: JalaliDate?,
                               firstName: String?, lastName: String?, birthDate: JalaliDate?) -> Bool {
        guard let storedBirthDate, let birthDate, storedBirthDate == birthDate else { return false }
        return sameName(storedFirstName, firstName) && sameName(storedLastName, lastName)
    }

    /// The company's name given and equal to the stored one (compared as names are).
    public static func legal(storedName: String?, name: String?) -> Bool {
        sameName(storedName, name)
    }

    /// Equal after normalization, and not empty.
    public static func sameName(_ stored: String?, _ sent: String?) -> Bool {
        guard let stored, let sent else { return false }
        let a = folded(stored), b = folded(sent)
        return !a.isEmpty && a == b
    }

    static func folded(_ name: String) -> String {
        String(String.UnicodeScalarView(Normalize.text(name).unicodeScalars.filter {
            !($0 == " " || $0 == "\u{200C}" || $0 == "\u{200D}" || $0 == "\n")
        }))
    }
}
