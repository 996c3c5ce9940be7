// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

extension Role: ExpressibleByArgument {}

/// `suiji departments`: member departments.
struct DepartmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "departments", abstract: "List or add member departments.", subcommands: [List.self, Add.self, Prefix.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the departments.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let stores = try await database.open()
            for department in try await stores.departments.all() { print("\(department.code)\t\(department.name)") }
            await stores.database.close()
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a department.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Code, 2–16 of A-Z 0-9 _.") var code: String
        @Argument(help: "Chinese name.") var name: String

        func run() async throws {
            let stores = try await database.open()
            try await stores.departments.create(Department(code: code, name: name), caller: .system(at: Date()))
            await stores.database.close()
            print("added \(code)")
        }
    }

    struct Prefix: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prefix", abstract: "Set a department's document prefix (文号代字, e.g. 昌市监) for printed notices.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Department code.") var code: String
        @Argument(help: "The prefix; empty to use the department's name.") var prefix: String

        func run() async throws {
            let stores = try await database.open()
            _ = try await DepartmentArgument.require(code, in: stores)
            do {
                try await stores.departments.setDocumentPrefix(prefix, of: code, caller: .system(at: Date()))
            } catch let error as LibraryError {
                await stores.database.close()
                Console.error(error.message)
                throw ExitCode(2)
            }
            await stores.database.close()
            print("\(code) 文号代字：\(prefix.isEmpty ? "（部门名称）" : prefix)")
        }
    }
}

/// `suiji accounts`: login accounts.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "List or add login accounts; reset a password, lift a login lockout.",
        subcommands: [List.self, Add.self, ResetPassword.self, Unlock.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let stores = try await database.open()
            for account in try await stores.accounts.all() {
                print("\(account.username)\t\(account.role.rawValue)\t\(account.departmentCode ?? "-")\t\(account.displayName)")
            }
            await stores.database.close()
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an account; the password is read from standard input.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name.") var username: String
        @Option(name: .long, help: "Display name.") var name: String
        @Option(name: .long, help: "Role: office, departmentAdmin, inspector or overseer.") var role: Role
        @Option(name: .long, help: "Department code (department admins and inspectors).") var department: String?
        @Option(name: .long, help: "Enforcement certificate number linking an inspector's account to the department's inspector library.")
        var certificate: String = ""

        func run() async throws {
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("type the password on standard input")
            }
            let stores = try await database.open()
            try await Console.reportingDomainErrors(stores) {
                try await stores.accounts.create(
                    Account(username: username, displayName: name, role: role, departmentCode: department), password: password,
                    inspectorCertificate: certificate, caller: .system(at: Date()))
            }
            print("added \(username)")
        }
    }

    /// `suiji accounts reset-password NAME`: the way back in when the office's own password is lost.
    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Give an account a one-time password (printed once; it must be changed at the next login).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name.") var username: String

        func run() async throws {
            let stores = try await database.open()
            let password = try await Console.reportingDomainErrors(stores) {
                try await stores.accounts.resetPassword(username: username, caller: .system(at: Date()))
            }
            print(password)
        }
    }

    /// `suiji accounts unlock NAME`
    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlock", abstract: "Lift the lockout that repeated failed logins put on an account.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name.") var username: String

        func run() async throws {
            let stores = try await database.open()
            try await Console.reportingDomainErrors(stores) {
                try await stores.accounts.unlock(username: username, caller: .system(at: Date()))
            }
            print("unlocked \(username)")
        }
    }
}

extension Console {
    /// Runs `body`, closes the database, and turns a domain error into its Chinese message on
    /// standard error and exit status 2.
    static func reportingDomainErrors<T: Sendable>(_ stores: Stores, _ body: () async throws -> T) async throws -> T {
        do {
            let value = try await body()
            await stores.database.close()
            return value
        } catch let error as any DomainError {
            await stores.database.close()
            Console.error(error.message)
            throw ExitCode(2)
        } catch {
            await stores.database.close()
            throw error
        }
    }
}
