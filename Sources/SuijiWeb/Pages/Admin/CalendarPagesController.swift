// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

extension HolidayNoticeError: HTTPResponseError {}

/// The working-day calendar (节假日安排): each year's State Council notice or, for a year without
/// one yet, the provisional calendar from the statutory holidays; the office loads a new notice
/// into the running server (page and API).
struct CalendarPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let loaders = routes.signedIn(.calendarLoaders)
        routes.signedIn(.calendarReaders).get(AdminPaths.calendar, use: page)
        loaders.post(AdminPaths.calendar, use: load)
        routes.signedIn().get("/api/v1/calendar") { _, context in
            let years = try await stores.holidayNotices.years(today: CalendarDate(chinaDateOf: clock.now()))
            return JSONBody.response(years.map(CalendarYearBody.init))
        }
        loaders.post("/api/v1/calendar/notices") { request, context in
            let caller = context.caller
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let result = try await stores.holidayNotices.load(text: String(decoding: body.readableBytesView, as: UTF8.self), caller: caller)
            return JSONBody.response(LoadBody(years: result.years, recomputed: result.recomputed), status: .created)
        }
    }

    /// A year as the API answers it.
    struct CalendarYearBody: Encodable {
        var year: Int
        var source: String
        /// Computed from the statutory holidays: due dates counting it are 暂定.
        var provisional: Bool
        var daysOff: [String: String]
        var workingWeekendDays: [String: String]
        var loadedBy: String?

        init(_ status: HolidayNoticeStore.YearStatus) {
            year = status.year.year
            source = status.year.source
            provisional = status.year.isProvisional
            daysOff = Dictionary(uniqueKeysWithValues: status.year.daysOff.map { ($0.key.iso, $0.value) })
            workingWeekendDays = Dictionary(uniqueKeysWithValues: status.year.workingWeekendDays.map { ($0.key.iso, $0.value) })
            loadedBy = status.loadedBy
        }
    }

    struct LoadBody: Encodable {
        var years: [Int]
        var recomputed: Int
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        try await render(account: context.account, context: context)
    }

    @Sendable func load(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await FormFields.read(request, context: context)
        do {
            let result = try await stores.holidayNotices.load(text: form.value("notice"), caller: caller)
            let years = result.years.map { "\($0) 年" }.joined(separator: "、")
            return try await render(
                account: caller.account, context: context, message: "已载入\(years)的节假日安排通知；\(result.recomputed) 项检查任务的结果录入截止日已按通知确定。")
        } catch let error as HolidayNoticeError where error.kind != .forbidden {
            return try await render(
                account: caller.account, context: context, error: error.message, text: form.value("notice"), status: .unprocessableContent)
        }
    }

    func render(
        account: Account, context: SignedInContext, message: String? = nil, error: String? = nil, text: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let today = CalendarDate(chinaDateOf: clock.now())
        let years = try await stores.holidayNotices.years(today: today)
        let model = CalendarPage(
            message: message, error: error, canLoad: account.role == .office, text: text,
            example:
                "年度 \(today.year + 1) 国办发明电〔\(today.year)〕N号 \(today.year)-11-01\n放假 \(today.year + 1)-01-01 元旦\n上班 \(today.year + 1)-02-06 春节调休上班\n",
            years: years.map { status in
                let year = status.year
                return CalendarPage.Year(
                    year: year.year, provisional: year.isProvisional, source: ChinaTime.dates(in: year.source),
                    loaded: status.loadedBy.map { by in "由 \(by) 于 \(status.loadedAt.map(ChinaTime.text) ?? "") 载入" },
                    daysOff: year.daysOff.keys.sorted().map { "\(CalendarPage.day($0))（\(year.daysOff[$0]!)）" }.joined(separator: "；"),
                    workDays: year.workingWeekendDays.keys.sorted().map { "\(CalendarPage.day($0))（\(year.workingWeekendDays[$0]!)）" }
                        .joined(separator: "；"))
            })
        return pages.render("calendar", model, account: account, csrf: context.csrfToken, status: status)
    }
}

/// View model of the calendar page.
struct CalendarPage {
    struct Year {
        var year: Int
        var provisional: Bool
        var source: String
        var loaded: String?
        var daysOff: String
        var workDays: String
    }

    var message: String?
    var error: String?
    var canLoad: Bool
    var text: String
    var example: String
    var years: [Year]

    /// "1月2日（周五）".
    static func day(_ date: CalendarDate) -> String {
        "\(date.month)月\(date.day)日（周\(["一", "二", "三", "四", "五", "六", "日"][date.weekday - 1])）"
    }
}
