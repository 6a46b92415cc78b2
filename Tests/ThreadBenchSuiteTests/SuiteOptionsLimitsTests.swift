import Foundation
import Testing
@testable import ThreadBenchSuite

/// `SuiteOptions.check()`: each value out of its limits is named by its option, without a flag.
@Suite struct SuiteOptionsLimitsTests {
    func option(_ options: SuiteOptions) -> SuiteOption? {
        do { try options.check() } catch let error as SuiteOptionError {
            #expect(!error.description.contains("--"), "\(error)")
            return error.setting
        } catch {}
        return nil
    }

    @Test func everyValueOutOfItsLimitsIsNamed() {
        #expect(option(SuiteOptions()) == nil)
        #expect(option(SuiteOptions(quick: true, sleepMs: 0, httpURL: "https://example.org/x", httpDelayMs: 0,
                                    httpBytes: 0, httpTimeoutSeconds: 1, fileBytes: 1, fileDir: "/")) == nil)
        #expect(option(SuiteOptions(sleepMs: .nan)) == .sleepMs)
        #expect(option(SuiteOptions(httpURL: "ftp://host/")) == .httpURL)
        #expect(option(SuiteOptions(httpURL: "http://")) == .httpURL)
        #expect(option(SuiteOptions(httpDelayMs: -1)) == .httpDelayMs)
        #expect(option(SuiteOptions(httpBytes: Int.max)) == .httpBytes)
        #expect(option(SuiteOptions(httpTimeoutSeconds: 0)) == .httpTimeoutSeconds)
        #expect(option(SuiteOptions(fileBytes: 0)) == .fileBytes)
        #expect(option(SuiteOptions(fileDir: "/no/such/folder")) == .fileDir)
        #expect(option(SuiteOptions(fileDir: "/etc/hostname")) == .fileDir)
    }
}
