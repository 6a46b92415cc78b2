import Foundation

/// An error from a command's own checks or work: exit status 1 for failures at run time.
package struct CommandFailure: Error, CustomStringConvertible {
    package let description: String

    /// A failure saying `description`.
    package init(description: String) { self.description = description }
}

/// A value a command's `validate()` works out for its `run()`; carried by ArgumentParser, never parsed.
package struct Prepared<Value>: Decodable {
    package var value: Value?

    /// Nothing prepared yet.
    package init() {}

    /// What ArgumentParser decodes: nothing, `validate()` fills it.
    package init(from decoder: any Decoder) throws {}
}
