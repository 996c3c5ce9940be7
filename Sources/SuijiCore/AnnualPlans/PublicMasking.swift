// SPDX-License-Identifier: Apache-2.0

/// Masking of personal data in public pages and open data (§8: publicity without personal data).
public enum PublicMasking {
    /// The public name of a target: an individual business (个体工商户) without a trade name is
    /// usually named after its operator, so a name of at most four characters is masked to its
    /// first character and "*"; other names are shown as registered.
    public static func targetName(_ name: String, kind: TargetKind) -> String {
        guard kind == .individualBusiness, name.count <= 4 else { return name }
        return mask(name)
    }

    /// First character kept, the rest replaced by "*".
    public static func mask(_ text: String) -> String {
        guard let first = text.first else { return "" }
        return String(first) + String(repeating: "*", count: max(text.count - 1, 1))
    }

    /// An 18-digit resident ID number (or any long number) with only its first 3 and last 4 kept.
    public static func idNumber(_ text: String) -> String {
        guard text.count > 7 else { return mask(text) }
        return String(text.prefix(3)) + String(repeating: "*", count: text.count - 7) + String(text.suffix(4))
    }

    /// A phone number with its first 3 and last 4 digits kept.
    public static func phone(_ text: String) -> String { idNumber(text) }
}
