// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SuijiTabular
import Testing

@testable import SuijiStore

/// Issue 11.2: small bodies for login, tokens and JSON; large ones only for a signed-in user's
/// upload; a zip bomb refused with the file's name.
@Suite("Request body limits")
struct BodyLimitTests {
    static func errorCode(_ buffer: ByteBuffer) -> String? {
        let json = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any]
        return (json?["error"] as? [String: Any])?["code"] as? String
    }

    @Test func anonymousBodiesAreSmall() async throws {
        try await withApp { _, client in
            // A login form or token request of 20 KB is refused (the limit is 8 KB) …
            let padding = String(repeating: "x", count: 20 * 1024)
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=office&password=\(padding)")
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(
                uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                body: json(["username": "office", "password": padding])
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.errorCode(response.body) == "body_too_large")
            }
            // … as is an anonymous upload, by its declared length before any byte is read: a page
            // says the body is too large, the API that a login is needed …
            let (type, body) = InspectionRecordsWebTests.multipart([("library", "targets")], file: ("大.csv", Data(count: 1 << 20)))
            try await client.execute(uri: "/imports", method: .post, headers: [.contentType: type], body: body) {
                #expect($0.status == .contentTooLarge)
            }
            try await client.execute(
                uri: "/api/v1/targets", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(repeating: 0x41, count: 1 << 20)
            ) { #expect($0.status == .unauthorized) }
            // … while an ordinary login still works.
            _ = try await token(client, "office")
        }
    }

    @Test func signedInJSONBodiesAreSmallUploadsLarge() async throws {
        try await withApp { _, client in
            let samr = try await token(client, "samr")
            let bearer: HTTPFields = [.authorization: "Bearer \(samr)", .contentType: "application/json"]
            // A 100 KB JSON body is refused (the limit is 64 KB), declared or not.
            let big = json(["name": String(repeating: "名", count: 40 * 1024)])
            try await client.execute(uri: "/api/v1/targets", method: .post, headers: bearer, body: big) {
                #expect($0.status == .contentTooLarge)
            }
            var declared = bearer
            declared[.contentLength] = String(big.readableBytes)
            try await client.execute(uri: "/api/v1/plans", method: .post, headers: declared, body: big) {
                #expect($0.status == .contentTooLarge)
            }
            // A 1 MB import is taken (and read: it is a CSV with one bad header).
            var csv = "名称,备注\n"
            while csv.utf8.count < 1 << 20 { csv += "某某商店,\(String(repeating: "备", count: 100))\n" }
            try await client.execute(
                uri: "/api/v1/imports/targets", method: .post, headers: [.authorization: "Bearer \(samr)", .contentType: "text/csv"],
                body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Self.errorCode(response.body) == "import_unreadable")
            }
        }
    }

    @Test func aZipBombIsRefusedNamingTheFile() async throws {
        // one cell of 40 MB of white space, a few KB on disk
        let bomb = try TabularXLSXWriter.encode([.init(name: "名录", rows: [["名称"], [String(repeating: " ", count: 40 << 20)]])])
        try await withApp { _, client in
            // over the API, named by Content-Disposition
            let samr = try await token(client, "samr")
            try await client.execute(
                uri: "/api/v1/imports/targets", method: .post,
                headers: [.authorization: "Bearer \(samr)", .contentDisposition: "attachment; filename*=UTF-8''%E5%90%8D%E5%BD%95.xlsx"],
                body: ByteBuffer(bytes: bomb)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let message = String(buffer: response.body)
                #expect(message.contains("文件“名录.xlsx”") && message.contains("压缩炸弹"), "\(message)")
            }
            // on the import page, named by the form's file name
            let session = try await login(client, "samr")
            let (type, body) = InspectionRecordsWebTests.multipart(
                [("_csrf", session.csrf), ("library", "targets")], file: (name: "企业名录.xlsx", content: bomb))
            try await client.execute(
                uri: "/imports", method: .post, headers: [.cookie: session.cookie, .contentType: type], body: body
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("文件“企业名录.xlsx”") && html.contains("压缩炸弹"))
            }
        }
    }

    @Test func anEmptyOrOverlongBoundaryIsABadRequestNotACrash() async throws {
        try await withApp { _, client in
            let session = try await login(client, "samr")
            for type in ["multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=" + String(repeating: "b", count: 71)] {
                try await client.execute(
                    uri: "/imports", method: .post, headers: [.cookie: session.cookie, .contentType: type], body: ByteBuffer(string: "--")
                ) { #expect($0.status == .unprocessableContent) }
            }
        }
    }
}
