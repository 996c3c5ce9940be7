// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import SuijiWeb

@Suite("SVG bar chart")
struct BarChartTests {
    @Test func escapesTextAndDescribesEveryBar() {
        let chart = BarChart(
            id: "c", title: "完成率 <测试> & \"引号\"", description: "甲：50.0%", series: ["完成率", "按期完成率"],
            groups: [
                BarChart.Group(label: "甲<局>", bars: [BarChart.Bar(value: 0.5, link: "/x?a=1&b=2"), BarChart.Bar(value: nil, link: nil)])
            ])
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title id=\"c-title\">完成率 &lt;测试&gt; &amp; &quot;引号&quot;</title>"))
        #expect(svg.contains("<desc id=\"c-desc\">甲：50.0%</desc>"))
        #expect(svg.contains("<a href=\"/x?a=1&amp;b=2\""))
        #expect(svg.contains("<title>甲&lt;局&gt; 完成率：50.0%</title>"))
        #expect(svg.contains("height=\"90\""))  // half of the 180-pixel plot
        #expect(svg.contains("甲&lt;局&gt; 按期完成率：无数据"))
        #expect(!svg.contains("<script") && !svg.contains("<link") && !svg.contains("https://"))
    }
}
