// CLIMessage: what `nnlab --help` and its subcommands' help say (Sources/nnlab/main.swift). The
// language is the one asked for on the command line or by the environment, chosen before parsing.
// English templates in en/CLIMessage+en.swift, Korean in ko/CLIMessage+ko.swift.

/// A sentence of the command line's help, by key.
public enum CLIMessage: Catalog {
    case cliSeed
    case cliDataDir
    case cliLang
    case cliAbstract
    case cliDiscussion
    case cliRepl
    case cliCommands
    case cliRecover
    case cliRun
    case cliRunScript
    case cliKeepGoing
    case cliJSON
    case cliReplay
    case cliReplayDiscussion
    case cliReplaySessions
    case cliReplayAll
    case cliReplayFast
    case cliReplayStep
    case cliReplayTolerance
    case cliReplayQuiet
    case cliReplayRecord
    case cliData
    case cliDataFetch
    case cliDataFetchName
    case cliDataFetchQuiet
    case cliTutorial
    case cliVerify
    case cliVerifyLesson
    case cliVerifyFast
    case cliVerifyRecord
    case cliVerifyVerbose
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: CLIMessage, _ values: Any...) -> String { key.text(values) }
