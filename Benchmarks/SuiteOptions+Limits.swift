import FixtureServer
import Foundation

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

/// A suite option whose value the workloads cannot use: which option, and what is wrong with it.
public struct SuiteOptionError: Error, CustomStringConvertible, Equatable {
    /// The option at fault.
    public let option: SuiteOption
    /// What is wrong, to follow the option's name: "must be between 0 and 60000".
    public let problem: String

    /// "sleep time must be between 0 and 60000".
    public var description: String { "\(option.rawValue) \(problem)" }
}

extension SuiteOptions {
    /// Checks every value against its limits; whether a URL answers and a folder is writable is
    /// checked by `Suite.preflight` when the run starts.
    /// - Throws: `SuiteOptionError` for the first value out of its limits.
    public func check() throws {
        func fail(_ option: SuiteOption, _ problem: String) -> SuiteOptionError {
            SuiteOptionError(option: option, problem: problem)
        }
        if let sleepMs, !(sleepMs >= 0 && sleepMs <= 60_000) { throw fail(.sleepMs, "must be between 0 and 60000") }
        if let httpURL {
            guard let parsed = URLComponents(string: httpURL), let scheme = parsed.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty else {
                throw fail(.httpURL, "'\(httpURL)' is not an http:// or https:// URL with a host")
            }
        }
        if let httpDelayMs, !(0...FixtureRoute.maxDelayMs).contains(httpDelayMs) {
            throw fail(.httpDelayMs, "must be between 0 and \(FixtureRoute.maxDelayMs), got \(httpDelayMs)")
        }
        if let httpBytes, !(0...FixtureRoute.maxBodyBytes).contains(httpBytes) {
            throw fail(.httpBytes, "must be between 0 and \(FixtureRoute.maxBodyBytes), got \(httpBytes)")
        }
        if let httpTimeoutSeconds, !(httpTimeoutSeconds > 0 && httpTimeoutSeconds <= 3600) {
            throw fail(.httpTimeoutSeconds, "must be above 0 and at most 3600 seconds")
        }
        if let fileBytes, !(1...(1 << 30)).contains(fileBytes) {
            throw fail(.fileBytes, "must be between 1 and \(1 << 30), got \(fileBytes)")
        }
        if let fileDir {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fileDir, isDirectory: &isFolder) else {
                throw fail(.fileDir, "\(fileDir) does not exist")
            }
            guard isFolder.boolValue else { throw fail(.fileDir, "\(fileDir) is not a folder") }
        }
    }
}
