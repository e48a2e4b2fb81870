// CommandText: a command's words in one language (summary, details, argument help), as the
// catalogs other than English give them by command path (CommandText+ko.swift).

/// A command's words in one language.
package struct CommandText: Sendable {
    package let summary: String
    package let details: String
    /// Argument help by argument name.
    package let arguments: [String: String]

    package init(_ summary: String, details: String = "", arguments: [String: String] = [:]) {
        self.summary = summary
        self.details = details
        self.arguments = arguments
    }
}
