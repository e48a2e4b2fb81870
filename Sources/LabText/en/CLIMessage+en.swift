// CLIMessage+en: the command line's help in English.

extension CLIMessage {
    public var english: String {
        switch self {
        case .cliSeed: "Seed for every random draw (default 777)."
        case .cliDataDir: "A folder with data set files, searched first (also NNLAB_DATA)."
        case .cliLang: "Language of everything nnlab says: en or ko (default: NNLAB_LANG, else ko for a Korean locale such as LANG=ko_KR.UTF-8, else en)."
        case .cliAbstract: "A hands-on lab for learning how deep networks train."
        case .cliDiscussion: "Without a subcommand nnlab opens the lab's REPL. Type `help` there."
        case .cliRepl: "Open the lab (the default)."
        case .cliCommands: "Run these commands (separated by ;) and exit."
        case .cliRecover: "Recover the unsaved work of an nnlab started in this folder that ended without saving, without asking (with -c: before the commands run)."
        case .cliRun: "Run a file of commands; stop at the first failing line (exit 1, naming file and line)."
        case .cliRunScript: "The script: one command per line, # for comments."
        case .cliKeepGoing: "Run every line; report each failure; exit 1 at the end if any failed."
        case .cliJSON: "Print one JSON object per event (epochs, evaluations, errors) instead of text."
        case .cliReplay: "Replay saved sessions and compare every recorded figure."
        case .cliReplayDiscussion: "Exit status 0 when every figure agrees (within --tolerance), 1 when one differs or a command fails, 2 when a file cannot be read as a session."
        case .cliReplaySessions: "Session names (in ./sessions, then the example sessions) or .nnlab files."
        case .cliReplayAll: "Replay every session in this folder."
        case .cliReplayFast: "Run each session's fast variant and compare with its fast figures."
        case .cliReplayStep: "Wait for Enter before each command."
        case .cliReplayTolerance: "The largest difference that still agrees (figures have four decimals). Default: 0 for a session recorded with this nnlab's arithmetic (same bits), 0.0005 for one from another."
        case .cliReplayQuiet: "Print only the comparisons."
        case .cliReplayRecord: "Write the replayed figures into each file (and, for a full replay, its weights)."
        case .cliData: "Data set chores."
        case .cliDataFetch: "Fetch a data set once (mnist)."
        case .cliDataFetchName: "The data set: mnist."
        case .cliDataFetchQuiet: "Print only problems."
        case .cliTutorial: "Lesson chores."
        case .cliVerify: "Run lessons without a person; check every expectation; exit 1 if any differs or any command fails."
        case .cliVerifyLesson: "One lesson (number or name); all lessons when left out."
        case .cliVerifyFast: "Shorten each lesson as its `fast:` header says (CI)."
        case .cliVerifyRecord: "Write the figures of this full run into the lessons' `measured:` lines (English and translations)."
        case .cliVerifyVerbose: "Print every command and its output."
        }
    }
}
