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
        guard let cd = iconv_open(target, source), Int(bitPattern: cd) != -1 else { throw TabularError.undecodableText }
        defer { iconv_close(cd) }
        var input = bytes
        var output: [UInt8] = []
        let stop = run(cd, &input, appendingTo: &output)
        guard stop.error == nil, stop.left == 0 else { throw TabularError.undecodableText }  // EILSEQ (invalid) or EINVAL (truncated)
        return output
    }

    /// The conversion loop of both `convert` and `TabularIconvStream`: converts `input` with
    /// `cd`, appending to `output` (grown as iconv needs), until the input ends or iconv stops.
    /// - Returns: what stopped it — nil when all was converted, `EINVAL` at a character cut at
    ///   the end, `EILSEQ` at invalid input — and how many bytes of `input` are left.
    static func run(_ cd: iconv_t, _ input: inout [UInt8], appendingTo output: inout [UInt8]) -> (error: Int32?, left: Int) {
        var produced = output.count
        output.append(contentsOf: repeatElement(0, count: input.count * 2 + 16))
        let stop: (Int32?, Int) = input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
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
                if result != -1 { return (nil, inLeft) }
                let error = errno
                guard error == E2BIG else { return (error, inLeft) }
                output.append(contentsOf: repeatElement(0, count: max(64, inLeft * 2)))
            }
        }
        output.removeSubrange(produced...)
        return stop
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
        let (error, left) = TabularIconv.run(descriptor, &input, appendingTo: &output)
        // A character cut at the end (EINVAL) waits for the rest, unless this is the last piece.
        guard error == nil || error == EINVAL, !(final && left > 0) else { throw TabularError.undecodableText }
        if left > 0 { carried = Array(input.suffix(left)) }
    }
}
