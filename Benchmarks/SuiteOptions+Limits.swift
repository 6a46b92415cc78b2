import FixtureServer
import Foundation
import ThreadBenchModel

/// An option of `SuiteOptions` that has limits.
public enum SuiteOption: String, Sendable, CaseIterable {
    case sleepMs = "sleep time"
    case httpURL = "URL"
    case httpDelayMs = "server delay"
    case httpBytes = "server body size"
    case httpTimeoutSeconds = "HTTP timeout"
    case fileBytes = "file size"
    case fileDir = "file folder"
}

/// A suite option whose value the workloads cannot use.
public typealias SuiteOptionError = SettingError<SuiteOption>

extension SuiteOptions {
    /// Checks every value against its limits; whether a URL answers and a folder is writable is
    /// checked by `Suite.preflight` when the run starts.
    /// - Throws: `SuiteOptionError` for the first value out of its limits.
    public func check() throws {
        if let sleepMs, !(sleepMs >= 0 && sleepMs <= 60_000) {
            throw SuiteOptionError(.sleepMs, "must be between 0 and 60000")
        }
        if let httpURL {
            guard let parsed = URLComponents(string: httpURL), let scheme = parsed.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty else {
                throw SuiteOptionError(.httpURL, "'\(httpURL)' is not an http:// or https:// URL with a host")
            }
        }
        if let httpDelayMs, !(0...FixtureRoute.maxDelayMs).contains(httpDelayMs) {
            throw SuiteOptionError(.httpDelayMs, "must be between 0 and \(FixtureRoute.maxDelayMs), got \(httpDelayMs)")
        }
        if let httpBytes, !(0...FixtureRoute.maxBodyBytes).contains(httpBytes) {
            throw SuiteOptionError(.httpBytes, "must be between 0 and \(FixtureRoute.maxBodyBytes), got \(httpBytes)")
        }
        if let httpTimeoutSeconds, !(httpTimeoutSeconds > 0 && httpTimeoutSeconds <= 3600) {
            throw SuiteOptionError(.httpTimeoutSeconds, "must be above 0 and at most 3600 seconds")
        }
        if let fileBytes, !(1...(1 << 30)).contains(fileBytes) {
            throw SuiteOptionError(.fileBytes, "must be between 1 and \(1 << 30), got \(fileBytes)")
        }
        if let fileDir {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fileDir, isDirectory: &isFolder) else {
                throw SuiteOptionError(.fileDir, "\(fileDir) does not exist")
            }
            guard isFolder.boolValue else { throw SuiteOptionError(.fileDir, "\(fileDir) is not a folder") }
        }
    }
}
