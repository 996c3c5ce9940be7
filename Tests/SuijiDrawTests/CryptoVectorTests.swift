// SPDX-License-Identifier: Apache-2.0
import Crypto
import SuijiDraw
import Testing

@Suite struct CryptoVectorTests {
    @Test func rfc5869Case1() {
        let prk = HKDFSHA256.extract(salt: Array(0...12), ikm: [UInt8](repeating: 0x0b, count: 22))
        #expect(Bytes.hex(prk) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        #expect(
            Bytes.hex(HKDFSHA256.expand(prk: prk, info: Array(0xf0...0xf9), length: 42))
                == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
    }

    @Test func rfc5869Case2() {
        let prk = HKDFSHA256.extract(salt: Array(0x60...0xaf), ikm: Array(0x00...0x4f))
        #expect(Bytes.hex(prk) == "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244")
        #expect(
            Bytes.hex(HKDFSHA256.expand(prk: prk, info: Array(0xb0...0xff), length: 82))
                == "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"
        )
    }

    @Test func rfc5869Case3() {
        let prk = HKDFSHA256.extract(salt: [], ikm: [UInt8](repeating: 0x0b, count: 22))
        #expect(Bytes.hex(prk) == "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04")
        #expect(
            Bytes.hex(HKDFSHA256.expand(prk: prk, info: [], length: 42))
                == "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
    }

    @Test(
        arguments: [
            (
                [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (
                Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
            ),
            (
                Array(1...25), [UInt8](repeating: 0xcd, count: 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131),
                Array(
                    ("This is a test using a larger than block-size key and a larger "
                        + "than block-size data. The key needs to be hashed before being used by the HMAC algorithm.").utf8),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ] as [([UInt8], [UInt8], String)])
    func rfc4231(key: [UInt8], data: [UInt8], expected: String) {
        #expect(Bytes.hex(HMACSHA256(key: key).mac(data)) == expected)
        let reference = HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: key))
        #expect(Bytes.hex(Array(reference)) == expected)
    }

    @Test func boundedRandomVectors() {
        let zero = [UInt8](repeating: 0, count: 32)
        #expect(BoundedRandom.uniform(key: zero, label: "test", bound: 1000) == 70)
        #expect(BoundedRandom.uniform(key: zero, label: "test", bound: 7) == 0)
        #expect(BoundedRandom.uniform(key: zero, label: "x", bound: (1 << 63) + 1) == 1_774_243_499_623_786_988)
        #expect(BoundedRandom.uniform(key: zero, label: "x", bound: 1) == 0)
    }
}
