// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore

/// Decodes every JSON request body (`request.decode`): at most the route's body limit, every
/// string the type decodes checked by `TextSafety` (NUL, bidi controls: `TextCheckingDecoder`),
/// and a body that does not fit the type
/// answered with the field at fault named (an impossible date, a number out of range, a missing
/// key) instead of Hummingbird's bare "400 Bad Request".
struct AppRequestDecoder: RequestDecoder {
    func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try Self.decode(type, from: Data(buffer.readableBytesView))
    }

    /// Decodes a body already read.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            let probe = try JSONDecoder().decode(TextCheckingDecoder.Probe<T>.self, from: data)
            if let issue = probe.issue { throw RequestError(issue: issue) }
            return probe.value
        } catch let error as DecodingError {
            // Foundation reports a number that fits no Swift integer (1e30, 1.5 for a count) as
            // invalid JSON without a path: find it, to name the field.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                let path = Self.unfitNumber(in: object, path: [])
            {
                throw RequestError(issue: FieldIssue(field: path, message: "字段 \(path) 的数值无效：应为允许范围内的整数"))
            }
            throw RequestError(error)
        }
    }

    /// The path of the first number that is not a whole number within `Int`'s range.
    static func unfitNumber(in value: Any, path: [String]) -> String? {
        switch value {
        case let number as NSNumber where !(value is Bool):
            let double = number.doubleValue
            return double.rounded() == double && abs(double) < 9.2e18 ? nil : (path.isEmpty ? "body" : path.joined(separator: "."))
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = unfitNumber(in: element, path: path + [String(index)]) { return found }
            }
        case let object as [String: Any]:
            for (key, element) in object.sorted(by: { $0.key < $1.key }) {
                if let found = unfitNumber(in: element, path: path + [key]) { return found }
            }
        default: break
        }
        return nil
    }
}

/// A request (JSON body or query parameter) that does not fit its route: the field at fault and
/// why, in Chinese (HTTP 400).
struct RequestError: DomainError, HTTPResponseError {
    var field: String?
    var message: String

    init(issue: FieldIssue) {
        field = issue.field
        message = issue.message
    }

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            let path = Self.path(context.codingPath + [key])
            field = path
            message = "请求内容缺少字段 \(path)"
        case .typeMismatch(let type, let context):
            let path = Self.path(context.codingPath)
            field = path.isEmpty ? nil : path
            message = "字段 \(path.isEmpty ? "（请求内容）" : path) 的类型不对：应为\(Self.kind(type))"
        case .valueNotFound(let type, let context):
            let path = Self.path(context.codingPath)
            field = path.isEmpty ? nil : path
            message = "字段 \(path) 不能为空：应为\(Self.kind(type))"
        case .dataCorrupted(let context):
            let path = Self.path(context.codingPath)
            field = path.isEmpty ? nil : path
            message =
                path.isEmpty
                ? "请求内容不是有效的 JSON" : "字段 \(path) 的值无效：\(Self.chinese(context.debugDescription))"
        @unknown default:
            field = nil
            message = "请求内容无法解析"
        }
    }

    var code: String { "bad_request" }
    var kind: ErrorKind { .invalid }
    var status: HTTPResponse.Status { .badRequest }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(
            ErrorEnvelope(error: ErrorBody(code: code, message: message, field: field, status: status, details: nil)), status: status)
    }

    /// `items.0.code`.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    /// The expected JSON kind of a Swift type, in Chinese.
    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "文字"
        case is Bool.Type: "true 或 false"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type, is UInt64.Type: "整数（且在允许的范围内）"
        case is Double.Type, is Float.Type: "数字"
        case is [Any].Type: "数组"
        case is [String: Any].Type: "对象"
        default: "符合接口说明的值"
        }
    }

    /// A decoder's description in Chinese where it is one of ours or a known Foundation text.
    static func chinese(_ description: String) -> String {
        if description.contains("not representable") || description.contains("does not fit") { return "数值超出允许的范围" }
        if description.contains("Cannot initialize") { return "不是允许的取值" }
        return description
    }
}
