/// Whole numbers in Persian words, for the amount line of a payment order (R-CL-10):
/// 1,250,000 → «یک میلیون و دویست و پنجاه هزار». Groups of three digits are joined by « و »,
/// each group named by its scale (هزار 10³, میلیون 10⁶, میلیارد 10⁹, تریلیون 10¹², کوادریلیون 10¹⁵,
/// کوینتیلیون 10¹⁸, short scale as used in Iran). A one in front of a scale is written
/// («یک هزار», «یک میلیون»), as on cheques and orders, so that no word can be slipped in before it.
/// Every Int64 has its words (Int64.max is 9 کوینتیلیون …); a negative number starts with «منفی».
public enum PersianNumberWords {
    static let ones = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
    static let teens = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
    static let tens = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
    static let hundreds = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]
    static let scales = ["", "هزار", "میلیون", "میلیارد", "تریلیون", "کوادریلیون", "کوینتیلیون"]

    public static func words(_ number: Int64) -> String {
        if number == 0 { return "صفر" }
        // magnitude, so that Int64.min has words too
        var rest = number.magnitude
        var groups: [String] = []
        var scale = 0
        while rest > 0 {
            let group = Int(rest % 1000)
            if group > 0 {
                let text = below1000(group)
                groups.append(scale == 0 ? text : text + " " + scales[scale])
            }
            rest /= 1000
            scale += 1
        }
        let text = groups.reversed().joined(separator: " و ")
        return number < 0 ? "منفی " + text : text
    }

    /// 1…999.
    static func below1000(_ n: Int) -> String {
        var parts: [String] = []
        if n >= 100 { parts.append(hundreds[n / 100]) }
        let r = n % 100
        if r >= 20 {
            parts.append(tens[r / 10])
            if r % 10 > 0 { parts.append(ones[r % 10]) }
        } else if r >= 10 {
            parts.append(teens[r - 10])
        } else if r > 0 {
            parts.append(ones[r])
        }
        return parts.joined(separator: " و ")
    }
}

extension Rial {
    /// The amount in words with its unit, for the payment order: «یک میلیون و دویست و پنجاه هزار ریال».
    public var inWords: String { PersianNumberWords.words(amount) + " ریال" }
}
