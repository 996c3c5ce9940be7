// SPDX-License-Identifier: Apache-2.0

/// One entry of the public draw log (spec §14.1): a timestamped digest of one step of a draw,
/// chained to the entry before it.
public struct PublicLogEntry: Sendable, Equatable {
    /// What the digest is of.
    public enum Kind: String, Sendable, CaseIterable {
        /// `commitment.txt` published; the subject is the reveal deadline.
        case commitment
        /// The public-value exception approved instead of an announced value: `SHA256(LP(approver) || LP(reason))`.
        case exception
        /// A department handed in its secret; the subject is the department, the digest its commitment.
        case secret
        /// The announced public value entered: `SHA256(value)`.
        case publicValue = "public-value"
        /// `reveal.txt`, `record.txt` and `timeline.txt` at execution.
        case reveal, record, timeline
        /// `inspector-replacements.txt` after each replacement; the subject is its last q.
        case replacement
    }

    public var seq: Int
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var time: String
    public var drawID: String
    public var kind: Kind
    /// A department, a time or a number depending on the kind; `-` when none.
    public var subject: String
    public var digest: String
    /// `hash` of the entry before (64 zeros for the first).
    public var prev: String
    public var hash: String

    /// The `prev` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Creates the entry that follows `previous` (nil for the first), computing its hash.
    public init(after previous: PublicLogEntry?, time: String, drawID: String, kind: Kind, subject: String, digest: String) {
        seq = (previous?.seq ?? 0) + 1
        self.time = time
        self.drawID = drawID
        self.kind = kind
        self.subject = subject
        self.digest = digest
        prev = previous?.hash ?? Self.genesis
        hash = ""
        hash = computedHash
    }

    /// An entry from its eight fields as stored (checked by `PublicLog.parse`, not here).
    public init(fields f: [String]) {
        seq = Int(f[0]) ?? 0
        time = f[1]
        drawID = f[2]
        kind = Kind(rawValue: f[3]) ?? .commitment
        subject = f[4]
        digest = f[5]
        prev = f[6]
        hash = f[7]
    }

    var chainedFields: [String] { [String(seq), time, drawID, kind.rawValue, subject, digest, prev] }

    /// `hex(SHA256("suiji-draw/1 log" || 0x00 || the first seven fields joined by TAB))`.
    public var computedHash: String {
        Bytes.sha256Hex(Array("suiji-draw/1 log".utf8) + [0] + Array(chainedFields.joined(separator: "\t").utf8))
    }

    /// The entry's line in `draw-log.txt`.
    public var fields: [String] { chainedFields + [hash] }
}

/// The public draw log `draw-log.txt` (spec §14.1): append-only, every entry carrying the hash of
/// the one before, so an entry cannot be changed, removed or back-dated without breaking the chain
/// from there to the head everyone has seen.
public struct PublicLog: Sendable, Equatable {
    public let entries: [PublicLogEntry]

    public init(entries: [PublicLogEntry]) { self.entries = entries }

    /// The last entry: its seq and hash are the log head shown on every public draw page.
    public var head: PublicLogEntry? { entries.last }

    /// The exact bytes of `draw-log.txt`.
    public func fileBytes() -> [UInt8] { TextFile.encode(entries.map(\.fields)) }

    /// Parses and checks the whole chain: consecutive seq from 1, each prev the hash before,
    /// each hash recomputed, times well-formed. (Entries are in the order they were appended;
    /// a ceremony recorded afterwards, e.g. by the demo, may carry earlier times.)
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> PublicLog {
        let f = "draw-log.txt"
        var entries: [PublicLogEntry] = []
        for (i, l) in try TextFile.lines(bytes, file: f).enumerated() {
            let n = i + 1
            guard l.count == 8, l[0] == String(n), Timestamps.isTime(l[1]), TextFile.isToken(l[2]),
                PublicLogEntry.Kind(rawValue: l[3]) != nil, !l[4].isEmpty, TextFile.isHex64(l[5]), TextFile.isHex64(l[6]),
                TextFile.isHex64(l[7])
            else { throw .syntax(file: f, line: n, detail: "字段") }
            let entry = PublicLogEntry(fields: l)
            let prev = entries.last?.hash ?? PublicLogEntry.genesis
            guard entry.prev == prev else { throw .mismatch(file: f, line: n, field: "prev", expected: prev, found: entry.prev) }
            guard entry.hash == entry.computedHash else {
                throw .mismatch(file: f, line: n, field: "hash", expected: entry.computedHash, found: entry.hash)
            }
            entries.append(entry)
        }
        return PublicLog(entries: entries)
    }

    /// The entries of one draw, in log order.
    public func entries(of drawID: String) -> [PublicLogEntry] { entries.filter { $0.drawID == drawID } }

    /// `SHA256(LP(approver) || LP(reason))`: the digest of a public-value exception.
    public static func exceptionDigest(approver: String, reason: String) -> String {
        Bytes.sha256Hex(Bytes.lp(approver) + Bytes.lp(reason))
    }
}

/// Times of the anchoring additions: UTC `YYYY-MM-DDTHH:MM:SSZ`, compared as strings.
public enum Timestamps {
    /// Whether `s` has the shape `YYYY-MM-DDTHH:MM:SSZ` with a valid date and time of day.
    public static func isTime(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 20, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90 else { return false }
        guard TextFile.isDate(String(decoding: b[0..<10], as: UTF8.self)) else { return false }
        let digits = [11, 12, 14, 15, 17, 18]
        guard digits.allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }) else { return false }
        func two(_ k: Int) -> Int { Int(b[k] - 48) * 10 + Int(b[k + 1] - 48) }
        return two(11) < 24 && two(14) < 60 && two(17) < 60
    }

    /// The China (UTC+8) calendar day of a UTC time, `YYYY-MM-DD`.
    public static func chinaDate(_ time: String) -> String {
        let b = Array(time.utf8)
        func number(_ r: Range<Int>) -> Int { b[r].reduce(0) { $0 * 10 + Int($1 - 48) } }
        var (y, m, d) = (number(0..<4), number(5..<7), number(8..<10))
        if number(11..<13) + 8 >= 24 {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            d += 1
            if d > days { (d, m) = (1, m + 1) }
            if m > 12 { (m, y) = (1, y + 1) }
        }
        func pad(_ v: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
