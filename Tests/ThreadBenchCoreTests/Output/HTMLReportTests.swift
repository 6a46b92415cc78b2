import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

/// The HTML page: self-contained, the answer first, a chart and tables per workload, text escaped.
@Suite struct HTMLReportTests {
    @Test func thePageHoldsEveryWorkloadAndNamesNoNetworkResource() throws {
        let run = try Fixture.run("machine-a.csv")
        let analysis = RunAnalysis(run)
        let page = HTMLReport().render(analysis, metadata: run.metadata, complete: run.complete, precision: ["p <1>"])
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        let answer = try #require(page.range(of: "Where threads helped"))
        for workload in Set(analysis.summary.map(\.workload)) {
            let section = try #require(page.range(of: "id=\"workload-\(workload)\""))
            #expect(answer.lowerBound < section.lowerBound, "the answer comes first")
            let rest = page[section.lowerBound...]
            let end = try #require(rest.range(of: "</section>"))
            let body = rest[..<end.lowerBound]
            #expect(body.contains("<svg") && body.contains("<table class=\"summary\""), "\(workload)")
        }
        #expect(!page.contains("<?xml"), "inline SVG, not a document inside the page")
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("<script"))
        #expect(page.contains("p &lt;1&gt;"))
    }

    @Test func textIsEscaped() {
        #expect(HTMLReport.escape("a<b & \"c\" 'd'") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;")
        #expect(HTMLReport.identifier("my load/2") == "my-load-2")
    }
}
