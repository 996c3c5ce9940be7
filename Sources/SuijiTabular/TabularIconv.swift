// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrapper over the C library's iconv for converting legacy Chinese encodings.
///
/// On Linux iconv lives in glibc (gconv modules ship with libc6); no extra linking is needed.
public enum TabularIconv {
    /// Converts `bytes` from the iconv encoding `source` (e.g. "GB18030") to UTF-8.
    /// - Throws: `TabularError.undecodableText` on invalid or truncated input.
    public static func convert(_ bytes: [UInt8], from source: String) throws -> [UInt8] {
        try convert(bytes, from: source, to: "UTF-8")
    }

    /// Converts `bytes` between two iconv encodings.
    /// - Throws: `TabularError.undecodableText` on invalid or truncated input.
    public static func convert(_ bytes: [UInt8], from source: String, to target: String) throws -> [UInt8] {
        if bytes.isEmpty { return [] }
        let cd = iconv_open(target, source)
        guard Int(bitPattern: cd) != -1 else { throw TabularError.undecodableText }
        defer { iconv_close(cd) }

        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var produced = 0
        var input = bytes
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while true {
                let result: Int = output.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count - produced
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    produced = outBuf.count - outLeft
                    return r
                }
                if result != -1 { return inLeft == 0 }
                if errno == E2BIG {
                    output.append(contentsOf: repeatElement(0, count: output.count))
                    continue
                }
                return false  // EILSEQ (invalid) or EINVAL (truncated)
            }
        }
        guard ok else { throw TabularError.undecodableText }
        output.removeSubrange(produced...)
        return output
    }
}

/// An iconv conversion to UTF-8 fed piece by piece: a character cut at the end of one piece is
/// completed by the next.
final class TabularIconvStream {
    private let descriptor: iconv_t
    private var carried: [UInt8] = []

    /// Opens a conversion from `source` (e.g. "GB18030") to UTF-8.
    init(from source: String) throws {
        guard let cd = iconv_open("UTF-8", source), Int(bitPattern: cd) != -1 else {
            throw TabularError.undecodableText
        }
        descriptor = cd
    }

    deinit {
        iconv_close(descriptor)
    }

    /// The UTF-8 of `piece` (after what the previous piece left unfinished), appended to `output`.
    /// - Throws: `TabularError.undecodableText` on invalid input, or on a character still cut
    ///   when `final`.
    func convert(_ piece: [UInt8], final: Bool, into output: inout [UInt8]) throws {
        var input = carried + piece
        carried = []
        if input.isEmpty { return }
        var produced = output.count
        output.append(contentsOf: repeatElement(0, count: input.count * 2 + 16))
        let (ok, left): (Bool, Int) = input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while true {
                let result: Int = output.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count - produced
                    let r = iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                    produced = outBuf.count - outLeft
                    return r
                }
                if result != -1 { return (true, 0) }
                switch errno {
                case E2BIG: output.append(contentsOf: repeatElement(0, count: max(64, inLeft * 2)))
                case EINVAL: return (true, inLeft)  // a character cut at the end: wait for the rest
                default: return (false, inLeft)
                }
            }
        }
        output.removeSubrange(produced...)
        guard ok, !(final && left > 0) else { throw TabularError.undecodableText }
        if left > 0 { carried = Array(input.suffix(left)) }
    }
}
