// Language: the languages nnlab speaks (lessons, the tutorial runner's words, lesson checks).
// A closed set: `nnlab --lang fr` and `set lang fr` are errors that list these.

/// A language of lessons and help; its text form is its code ("ko").
public enum Language: String, CaseIterable, Codable, Sendable, LosslessStringConvertible {
    case en, ko

    /// "en, ko": the choices, for error messages and help.
    public init?(_ code: String) { self.init(rawValue: code) }
    public var description: String { rawValue }

    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The language the shell speaks right now: the interpreter binds it to the lab's setting
    /// around each command (`Language.$current.withValue`), so whatever prints or throws inside
    /// reads it without being handed the lab. English outside.
    @TaskLocal public static var current: Language = .en
}
