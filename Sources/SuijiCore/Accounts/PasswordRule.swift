// SPDX-License-Identifier: Apache-2.0

/// What a new password must be: at least 10 characters, at most 72 bytes (bcrypt reads no
/// more), not a common password or a common word with digits and signs added, not built on the
/// user name, not one repeated character or a keyboard run.
public enum PasswordRule {
    public static let minLength = 10
    public static let maxBytes = 72

    /// The problem with `password` for the account `username`, in Chinese, naming the field by
    /// `label` (密码, 新密码 …); nil when the password is acceptable.
    public static func problem(_ password: String, username: String, label: String = "密码") -> String? {
        if password.isEmpty { return "\(label)不能为空" }
        if password.count < minLength { return "\(label)至少 \(minLength) 位（现为 \(password.count) 位）" }
        if password.utf8.count > maxBytes { return "\(label)过长：最多 \(maxBytes) 个字节（约 24 个汉字）" }
        let folded = password.lowercased()
        let name = username.lowercased()
        if name.count >= 3, folded.contains(name) || name.contains(folded) { return "\(label)不能包含用户名" }
        let letters = String(folded.filter { $0.isLetter || $0.isNumber })
        if Set(folded).count <= 2 || isRun(letters) { return "\(label)不能是重复或连续的字符" }
        let stem = String(letters.reversed().drop { $0.isNumber }.reversed())
        if commonPasswords.contains(folded) || commonPasswords.contains(letters)
            || (!stem.isEmpty && (commonPasswords.contains(stem) || commonWords.contains(stem)))
        {
            return "\(label)过于常见，很容易被猜中，请换一个（可用几个词加数字，如“春雨-茶杯-2026”）"
        }
        return nil
    }

    /// Ascending or descending runs of digits or letters, and rows of the keyboard.
    static func isRun(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.map(\.value)
        guard scalars.count >= 4 else { return false }
        let steps = Set(zip(scalars, scalars.dropFirst()).map { Int($1) - Int($0) })
        if steps == [1] || steps == [-1] { return true }
        return keyboardRows.contains { $0.contains(text) || String($0.reversed()).contains(text) }
    }

    static let keyboardRows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv", "qazwsxedcrfv"]

    /// Words that make a weak password with only digits or signs after them (checked after
    /// dropping trailing digits, case and signs).
    static let commonWords: Set<String> = [
        "password", "passwd", "qwerty", "admin", "administrator", "root", "user", "test", "guest", "login", "welcome", "suiji",
        "shuangsuiji", "iloveyou", "woaini", "abc", "abcd", "abcde", "abcdef", "zhang", "wang", "li", "liu", "chen", "china",
        "beijing", "jiangxi", "jingdezhen", "changjiang", "shichang", "jianguan", "samr", "office", "monkey", "dragon",
        "letmein", "princess", "football", "baseball", "master", "superman", "qazwsx", "asdf", "asdfgh", "zxcvbn",
    ]

    /// Passwords seen most often in leaked lists (Chinese and international), folded to lower case.
    static let commonPasswords: Set<String> = [
        "12345678", "123456789", "1234567890", "0123456789", "87654321", "11111111", "00000000", "88888888", "66666666",
        "12341234", "11223344", "12344321", "123123123", "147258369", "123456abc", "abc12345", "abc123456", "a12345678",
        "a123456789", "aa123456", "qq123456", "5201314", "52013145201314", "1314520", "woaini1314", "woaini520",
        "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "qwerty123",
        "qwertyuiop", "qwe123456", "qweasdzxc", "1qaz2wsx", "1qaz2wsx3edc", "1q2w3e4r", "1q2w3e4r5t", "zxcvbnm123",
        "iloveyou", "iloveyou1", "admin123", "admin1234", "admin12345", "administrator", "root1234", "test1234",
        "suiji", "suiji123", "suiji1234", "suiji2026", "suiji@123", "suijisuiji", "changeme", "changeme123", "welcome1",
        "welcome123", "sunshine", "princess", "football", "baseball", "superman", "trustno1", "dragon123", "monkey123",
        "letmein123", "computer", "internet", "zhang123", "wang1234", "li123456", "asdf1234", "asdfghjkl", "zxcvbnm",
    ]
}
