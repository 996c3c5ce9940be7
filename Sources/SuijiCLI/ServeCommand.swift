// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SuijiCore
import SuijiStore
import SuijiWeb

/// `suiji serve`: runs the web UI and the JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the web UI and the JSON API.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let seal = try server.audit.seal()
        var stores = try await database.open(calendar: try server.workCalendar())
        stores.auditSeal = seal
        try await server.serve(stores: stores, logger: database.logger, banner: nil)
    }
}

/// Host and port options of the commands that serve.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Flag(name: .long, help: "Mark cookies Secure (when served behind HTTPS).")
    var secureCookies = false

    @Flag(name: .long, help: "Take the client's address from X-Forwarded-For (only behind a reverse proxy that sets it).")
    var trustForwardedFor = false

    @Option(name: .long, help: "An extra holiday file (e.g. next year's notice) merged over the bundled one.")
    var calendar: String?

    @OptionGroup var audit: AuditKeyOptions

    /// The bundled working-day calendar, merged with `--calendar` when given.
    func workCalendar() throws -> WorkCalendar {
        try WorkCalendarFile.load(calendar)
    }

    /// Applies the risk-class lowerings due today, then serves until stopped, lowering again
    /// every day at 00:05 China time (`RiskLoweringService`).
    func serve(stores: Stores, logger: Logger, banner: String?) async throws {
        let lowering = RiskLoweringService(stores: stores, logger: logger)
        let lowered = try await lowering.runOnce()
        if !lowered.isEmpty { Console.error("lowered the risk class of \(lowered.count) target record(s) after 12 clean months") }
        var configuration = AppConfiguration(
            host: host, port: port, secureCookies: secureCookies, trustForwardedFor: trustForwardedFor)
        var access = Logger(label: "suiji.access")
        access.logLevel = logger.logLevel
        configuration.accessLogger = access
        let app = try await buildApplication(stores: stores, configuration: configuration, logger: logger, services: [lowering])
        // Written unbuffered, so the URL and the demo accounts show at once even through a pipe.
        Console.out("Suiji is serving on http://\(host):\(port)/")
        if let banner { Console.out(banner) }
        try await app.runService()
        await stores.database.close()
    }
}
