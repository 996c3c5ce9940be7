// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Unified social credit codes (GB 32100-2015)")
struct CreditCodeTests {
    /// Published codes of well-known companies.
    static let real = [
        "91330100716105852F",  // 阿里巴巴（中国）有限公司
        "9144030071526726XG",  // 深圳市腾讯计算机系统有限公司
        "914403001922038216",  // 华为技术有限公司
        "91110108551385082Q",  // 北京小米科技有限责任公司
        "91110000100006485K",
        "91440300708461136T",
    ]

    @Test(arguments: real)
    func realCodesAreValid(_ text: String) throws {
        let code = try CreditCode(text)
        #expect(code.value == text)
        #expect(code.registrationAuthority == "9")
        #expect(code.organisationType == "1")
    }

    @Test func partsAreExposed() throws {
        let code = try CreditCode(" 9144030071526726xg ")
        #expect(code.value == "9144030071526726XG")
        #expect(code.division == "440300")
        #expect(code.organisationCode == "71526726X")
    }

    @Test(arguments: real)
    func everySingleCharacterCorruptionIsCaught(_ text: String) {
        let characters = Array(text)
        for position in 0..<18 {
            for replacement in CreditCode.alphabet where replacement != characters[position] {
                var corrupted = characters
                corrupted[position] = replacement
                #expect(!CreditCode.isValid(String(corrupted)), "\(String(corrupted)) accepted")
            }
        }
    }

    @Test func adjacentTranspositionsAreCaught() {
        for text in Self.real {
            let characters = Array(text)
            for position in 0..<17 where characters[position] != characters[position + 1] {
                var swapped = characters
                swapped.swapAt(position, position + 1)
                #expect(!CreditCode.isValid(String(swapped)), "\(String(swapped)) accepted")
            }
        }
    }

    @Test func eachRuleHasItsOwnError() {
        #expect(throws: CreditCodeError.length(17)) { try CreditCode("9144030071526726X") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 3, character: "I")) { try CreditCode("91I4030071526726XG") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 18, character: "O")) { try CreditCode("9144030071526726XO") }
        #expect(throws: CreditCodeError.unknownRegistrationAuthority("B")) { try CreditCode("B144030071526726XG") }
        #expect(throws: CreditCodeError.unknownOrganisationType(authority: "9", type: "4")) { try CreditCode("9444030071526726XG") }
        #expect(throws: CreditCodeError.invalidDivision("990300")) { try CreditCode("9199030071526726XG") }
        #expect(throws: CreditCodeError.organisationCodeCheckFailed("715267260")) { try CreditCode("914403007152672605") }
        #expect(throws: CreditCodeError.checkCharacterMismatch(expected: "G", actual: "H")) { try CreditCode("9144030071526726XH") }
    }

    @Test func messagesAreChineseAndNameTheRule() {
        #expect(CreditCodeError.length(17).message.contains("18 位"))
        #expect(CreditCodeError.checkCharacterMismatch(expected: "G", actual: "H").message.contains("校验码"))
        #expect(CreditCodeError.length(1).field == "creditCode")
    }

    @Test func completingGivesValidCodes() throws {
        let body = "12345678"
        let organisation = body + String(try #require(CreditCode.organisationCheckCharacter(body)))
        let code = try #require(CreditCode.completing("92360202" + organisation))
        #expect(CreditCode.isValid(code))
        let social = try #require(CreditCode.completing("52360202" + organisation))
        #expect(CreditCode.isValid(social))
    }
}
