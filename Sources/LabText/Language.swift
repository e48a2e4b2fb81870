// Language: the languages nnlab speaks (lessons, the tutorial runner's words, lesson checks).
// A closed set: `nnlab --lang fr` and `set lang fr` are errors that list these.

/// A language of lessons and help; its text form is its code ("ko").
public enum Language: String, CaseIterable, Codable, Sendable, LosslessStringConvertible {
    case en, ko

    /// "en, ko": the choices, for error messages and help.
    public init?(_ code: String) { self.init(rawValue: code) }
    public var description: String { rawValue }

    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The language a user's environment asks for: NNLAB_LANG (en or ko) if set, else the locale
    /// that names messages (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them): Korean
    /// for ko or ko_KR.UTF-8, English otherwise. `--lang` and `set lang` come on top of this.
    public static func preferred(by environment: [String: String]) -> Language {
        if let code = environment["NNLAB_LANG"], let language = Language(code.lowercased()) { return language }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("ko") ? .ko : .en
    }

    /// The language the shell speaks right now: the interpreter binds it to the lab's setting
    /// around each command (`Language.$current.withValue`), so whatever prints or throws inside
    /// reads it without being handed the lab. English outside.
    @TaskLocal public static var current: Language = .en
}
