// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Personal data mask")
struct PersonalDataMaskTests {
    @Test func personsKeepTheirFirstCharacter() {
        #expect(PersonalDataMask.person("张三丰") == "张**")
        #expect(PersonalDataMask.person("李四") == "李*")
        #expect(PersonalDataMask.person(" ") == "")
    }

    @Test func individualBusinessesHideTheirOperator() {
        #expect(PersonalDataMask.targetName("昌江区张三丰日杂店", kind: .individualBusiness, operatorName: "张三丰") == "昌江区张**日杂店")
        #expect(PersonalDataMask.targetName("王小明", kind: .individualBusiness, operatorName: "") == "王**")
        #expect(PersonalDataMask.targetName("景德镇瓷都陶瓷有限公司", kind: .individualBusiness, operatorName: "") == "景德镇瓷都陶瓷有限公司")
        // Companies are published as registered, whoever their legal representative is.
        #expect(PersonalDataMask.targetName("张三丰", kind: .company, operatorName: "张三丰") == "张三丰")
    }

    @Test func idAndPhoneNumbersAreMasked() {
        #expect(PersonalDataMask.text("身份证 36020319900101123X 已核") == "身份证 360203********123X 已核")
        #expect(PersonalDataMask.text("电话13812345678。") == "电话138****5678。")
        #expect(PersonalDataMask.text("座机 0798-8221234") == "座机 0798-*****34")
        // Credit codes and other numbers are left alone.
        #expect(PersonalDataMask.text("91360202MA35L2XK1B 第 2026 号") == "91360202MA35L2XK1B 第 2026 号")
        #expect(PersonalDataMask.text("订单 123456789012345678901") == "订单 123456789012345678901")
    }
}
