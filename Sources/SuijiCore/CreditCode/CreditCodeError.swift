// SPDX-License-Identifier: Apache-2.0

/// Which rule of GB 32100-2015 a credit code broke.
public enum CreditCodeError: Error, Equatable, Sendable {
    /// Not 18 characters long.
    case length(Int)
    /// A character outside `0-9 A-H J-N P-R T U W-Y`.
    case invalidCharacter(position: Int, character: String)
    /// The first character is not a registration-authority code.
    case unknownRegistrationAuthority(String)
    /// The second character is not a type code of that authority.
    case unknownOrganisationType(authority: String, type: String)
    /// Positions 3–8 are not a plausible administrative division code.
    case invalidDivision(String)
    /// The GB 11714 check character of the organisation code (position 17) is wrong.
    case organisationCodeCheckFailed(String)
    /// The check character (position 18) does not match.
    case checkCharacterMismatch(expected: String, actual: String)

    /// A stable English code for APIs.
    public var code: String {
        switch self {
        case .length: "credit_code_length"
        case .invalidCharacter: "credit_code_character"
        case .unknownRegistrationAuthority: "credit_code_authority"
        case .unknownOrganisationType: "credit_code_type"
        case .invalidDivision: "credit_code_division"
        case .organisationCodeCheckFailed: "credit_code_organisation_check"
        case .checkCharacterMismatch: "credit_code_check"
        }
    }

    /// The reason in Chinese, for users.
    public var message: String {
        switch self {
        case .length(let count): "统一社会信用代码应为 18 位，实际为 \(count) 位"
        case .invalidCharacter(let position, let character):
            "统一社会信用代码第 \(position) 位字符“\(character)”不合法（不得使用 I、O、S、V、Z）"
        case .unknownRegistrationAuthority(let authority): "登记管理部门代码“\(authority)”不存在"
        case .unknownOrganisationType(let authority, let type):
            "登记管理部门“\(authority)”下没有机构类别代码“\(type)”"
        case .invalidDivision(let division): "登记管理机关行政区划码“\(division)”不合法"
        case .organisationCodeCheckFailed(let code): "主体标识码（组织机构代码）“\(code)”校验位错误"
        case .checkCharacterMismatch(let expected, let actual):
            "校验码错误：应为“\(expected)”，实际为“\(actual)”"
        }
    }
}
