/// A value out of its limits: which setting, and what is wrong with its value.
///
/// The setting's raw value names it in words ("sleep time", "precision"); a front end that
/// knows which flag sets it can put the flag in its place.
public struct SettingError<Setting>: Error, CustomStringConvertible, Equatable
where Setting: RawRepresentable & Hashable & Sendable, Setting.RawValue == String {
    /// The value at fault.
    public let setting: Setting
    /// What is wrong, to follow the setting's name: "must be between 1 and 10000, got 0".
    public let problem: String

    /// Creates the error for `setting`.
    public init(_ setting: Setting, _ problem: String) {
        self.setting = setting
        self.problem = problem
    }

    /// "repetitions must be between 1 and 10000, got 0".
    public var description: String { "\(setting.rawValue) \(problem)" }
}
