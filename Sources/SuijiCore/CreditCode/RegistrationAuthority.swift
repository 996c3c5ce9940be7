// SPDX-License-Identifier: Apache-2.0

/// Registration-authority and organisation-type codes of GB 32100-2015, table 1 and its amendments.
public enum RegistrationAuthority {
    /// authority code → (type code → name of the organisation type).
    public static let typeCodes: [Character: [Character: String]] = [
        "1": ["1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"],
        "2": ["1": "外国常驻新闻机构", "9": "其他"],
        "3": ["1": "律师执业机构", "2": "公证处", "3": "基层法律服务所", "4": "司法鉴定机构", "5": "仲裁委员会", "9": "其他"],
        "4": ["1": "外国在华文化中心", "9": "其他"],
        "5": ["1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"],
        "6": ["1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构", "9": "其他"],
        "7": ["1": "宗教活动场所", "2": "宗教院校", "9": "其他"],
        "8": ["1": "基层工会", "9": "其他"],
        "9": ["1": "企业", "2": "个体工商户", "3": "农民专业合作社"],
        "A": ["1": "军队事业单位", "9": "其他"],
        "N": ["1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"],
        "Y": ["1": "其他"],
    ]

    /// Names of the registration authorities.
    public static let names: [Character: String] = [
        "1": "机构编制", "2": "外交", "3": "司法行政", "4": "文化", "5": "民政", "6": "旅游",
        "7": "宗教", "8": "工会", "9": "市场监管（工商）", "A": "中央军委改革和编制办公室", "N": "农业", "Y": "其他",
    ]
}

/// Administrative divisions (GB/T 2260).
public enum AdministrativeDivision {
    /// Two-digit province-level codes.
    public static let provinceCodes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ]

    /// The province codes as numbers.
    static let provinceNumbers: Set<Int> = Set(provinceCodes.compactMap { Int($0) })

    /// Whether `code` is six digits with a known province prefix.
    public static func isValid(_ code: String) -> Bool {
        var number = 0
        var count = 0
        for byte in code.utf8 {
            guard byte >= 48 && byte <= 57, count < 6 else { return false }
            number = number * 10 + Int(byte - 48)
            count += 1
        }
        return count == 6 && provinceNumbers.contains(number / 10_000)
    }
}
