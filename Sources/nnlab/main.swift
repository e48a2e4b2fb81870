// nnlab: the command line. Argument parsing and wiring only: everything else lives in the Lab modules (LabShell on top).
//
//   nnlab                      the REPL (plain lines when piped)
//   nnlab -c "cmd; cmd"        run commands and exit
//   nnlab run FILE             run a script of commands
//   nnlab replay NAME|FILE     replay saved sessions and compare their figures (--fast, --all DIR)
//   nnlab --recover            the REPL, recovering unsaved work without asking
//   nnlab data fetch mnist     download MNIST once (make lab / make test call this)
//   nnlab tutorial verify      run every lesson without a person and check its expectations
//
// Where it reads and writes (the install, the folder it was started in, ~/.local/state/nnlab) is
// decided once, by LabPaths.discover (LabCore/LabPlaces.swift).

import ArgumentParser
import Foundation
import LabCore
import LabSessions
import LabShell
import LabText
import LabTutorials
import LibEditLine
import LineEditing
import NNCore

/// Options every entry point shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Seed for every random draw (default 777).")
    var seed: UInt64?

    @Option(name: .customLong("data-dir"), help: "A folder with data set files, searched first (also NNLAB_DATA).")
    var dataDirectory: String?

    @Option(help: "Language of everything nnlab says: en or ko (default: NNLAB_LANG, else ko for a Korean locale such as LANG=ko_KR.UTF-8, else en).")
    var lang: Language?

    /// A lab wired to `console`, with the options applied.
    func makeLab(console: Console) -> Lab {
        let env = ProcessInfo.processInfo.environment
        let dataDir = dataDirectory ?? env["NNLAB_DATA"]
        let paths = LabPaths.discover(environment: env, executable: LabPaths.currentExecutable,
                                      cwd: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                      dataOverride: dataDir.map { URL(fileURLWithPath: $0) })
        let lab = Lab(console: console, paths: paths)
        if let seed { lab.reseed(seed) }
        lab.settings.language = lang ?? Language.preferred(by: env)
        lab.tidySavedSessions()
        return lab
    }
}

@main
struct NNLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnlab",
        abstract: "A hands-on lab for learning how deep networks train.",
        discussion: "Without a subcommand nnlab opens the lab's REPL. Type `help` there.",
        version: "nnlab \(nnlabVersion)\n\(Arithmetic.summary)",
        subcommands: [Repl.self, Run.self, ReplayTool.self, DataTool.self, TutorialTool.self],
        defaultSubcommand: Repl.self)

    /// Refuses to start when NNLAB_KERNELS names a level this CPU lacks: a learner who forced a
    /// level must not get figures from another one without knowing.
    static func main() {
        if let problem = Arithmetic.startupError {
            FileHandle.standardError.write(Data("nnlab: \(problem)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Open the lab (the default).")

    @OptionGroup var common: CommonOptions

    @Option(name: .short, help: "Run these commands (separated by ;) and exit.")
    var command: String?

    @Flag(help: "Recover the unsaved work of an nnlab started in this folder that ended without saving, without asking (with -c: before the commands run).")
    var recover = false

    func run() throws {
        let console = TerminalConsole()
        let lab = common.makeLab(console: console)
        let interpreter = Interpreter(lab: lab, commands: CommandTable.all)
        if let command {
            // --recover first rebuilds the unsaved work (the journal stays until a REPL takes it
            // over), so `nnlab --recover -c "save rescued"` keeps it.
            if recover { Recovery.start(interpreter, recoverWithoutAsking: true) }
            throw ExitCode(interpreter.run(command) ? 0 : 1)
        }
        try? FileManager.default.createDirectory(at: lab.paths.state, withIntermediateDirectories: true)
        let editor = makeLineEditor(historyPath: lab.paths.historyFile.path)
        let shell = Shell(interpreter: interpreter, editor: editor)
        Recovery.start(interpreter, recoverWithoutAsking: recover)
        let status = shell.run()
        throw ExitCode(status)
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a file of commands; stop at the first failing line (exit 1, naming file and line).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The script: one command per line, # for comments.")
    var file: String

    @Flag(name: .customLong("keep-going"), help: "Run every line; report each failure; exit 1 at the end if any failed.")
    var keepGoing = false

    @Flag(help: "Print one JSON object per event (epochs, evaluations, errors) instead of text.")
    var json = false

    func run() throws {
        let console: Console = json ? JSONConsole() : TerminalConsole()
        let lab = common.makeLab(console: console)
        _ = Interrupts.install()
        lab.shouldStop = { Interrupts.take() }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            console.warn(Language.$current.withValue(lab.settings.language) { loc(.errorLabel) + loc(.scriptCannotRead, file) })
            throw ExitCode(2)
        }
        let result = ScriptRunner.run(text, file: file, interpreter: Interpreter(lab: lab, commands: CommandTable.all), keepGoing: keepGoing)
        throw ExitCode(result.succeeded ? 0 : 1)
    }
}

struct ReplayTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay saved sessions and compare every recorded figure.",
        discussion: "Exit status 0 when every figure agrees (within --tolerance), 1 when one differs or a command fails, "
            + "2 when a file cannot be read as a session.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Session names (in ./sessions, then the example sessions) or .nnlab files.")
    var sessions: [String] = []

    @Option(name: .customLong("all"), help: "Replay every session in this folder.")
    var folder: String?

    @Flag(help: "Run each session's fast variant and compare with its fast figures.")
    var fast = false

    @Flag(help: "Wait for Enter before each command.")
    var step = false

    @Option(help: ArgumentHelp("The largest difference that still agrees (figures have four decimals). Default: 0 "
                               + "for a session recorded with this nnlab's arithmetic (same bits), 0.0005 for one from another."))
    var tolerance: Double?

    @Flag(help: "Print only the comparisons.")
    var quiet = false

    @Flag(help: "Write the replayed figures into each file (and, for a full replay, its weights).")
    var record = false

    func run() throws {
        let console = TerminalConsole()
        console.readAnswer = { question in
            FileHandle.standardOutput.write(Data(question.utf8))
            return readLine(strippingNewline: true)
        }
        let lab = common.makeLab(console: console)
        _ = Interrupts.install()
        let options = ReplayOptions(step: step, fast: fast, tolerance: tolerance, quiet: quiet)
        // The replays speak the language asked for (`--lang ko`), as the lab's commands do.
        let status = Language.$current.withValue(lab.settings.language) {
            ReplayCommandLine.run(targets: sessions, folder: folder, options: options, record: record,
                                  console: console, paths: lab.paths, shouldStop: { Interrupts.take() },
                                  makeInterpreter: { Interpreter(lab: $0, commands: CommandTable.all) })
        }
        throw ExitCode(status)
    }
}

struct DataTool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "data", abstract: "Data set chores.",
                                                    subcommands: [Fetch.self])

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fetch a data set once (mnist).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The data set: mnist.") var name: String
        @Flag(help: "Print only problems.") var quiet = false

        func run() throws {
            let console = TerminalConsole()
            let lab = common.makeLab(console: console)
            let ok = Interpreter(lab: lab, commands: CommandTable.all).run("data fetch \(name)\(quiet ? " quiet" : "")")
            throw ExitCode(ok ? 0 : 1)
        }
    }
}

struct TutorialTool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tutorial", abstract: "Lesson chores.",
                                                    subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run lessons without a person; check every expectation; exit 1 if any differs or any command fails.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "One lesson (number or name); all lessons when left out.") var lesson: String?
        @Flag(help: "Shorten each lesson as its `fast:` header says (CI).") var fast = false
        @Flag(help: "Write the figures of this full run into the lessons' `measured:` lines (English and translations).")
        var record = false
        @Flag(help: "Print every command and its output.") var verbose = false

        func run() throws {
            let console = TerminalConsole()
            let lab = common.makeLab(console: console)
            _ = Interrupts.install()
            var verifier = LessonVerifier(paths: lab.paths, style: console.style,
                                          makeInterpreter: { Interpreter(lab: $0, commands: CommandTable.all) }) { console.write($0) }
            verifier.fast = fast
            verifier.record = record
            verifier.verbose = verbose
            verifier.language = lab.settings.language
            verifier.shouldStop = { Interrupts.take() }
            do {
                let summary = try verifier.run(lesson)
                throw ExitCode(summary.succeeded ? 0 : 1)
            } catch let error as ShellError {
                Language.$current.withValue(lab.settings.language) {
                    console.warn(loc(.errorLabel) + error.message + (error.hint.map { "\n  " + loc(.hintLabel) + $0 } ?? ""))
                }
                throw ExitCode(2)
            }
        }
    }
}

/// `--lang fr` is refused with the list of languages (ArgumentParser lists the cases).
extension Language: ExpressibleByArgument {}
