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
    @Option(help: ArgumentHelp(loc(.cliSeed)))
    var seed: UInt64?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(loc(.cliDataDir)))
    var dataDirectory: String?

    @Option(help: ArgumentHelp(loc(.cliLang)))
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
        abstract: loc(.cliAbstract),
        discussion: loc(.cliDiscussion),
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
        // The help of `nnlab --help` is said in the language asked for, so it is chosen before parsing.
        Language.$current.withValue(commandLineLanguage(Array(CommandLine.arguments.dropFirst()))) {
            do {
                var command = try parseAsRoot()
                try command.run()
            } catch {
                exit(withError: error)
            }
        }
    }

    /// `--lang ko` or `--lang=ko` among the arguments, else what the environment prefers.
    static func commandLineLanguage(_ arguments: [String]) -> Language {
        for (i, word) in arguments.enumerated() {
            if word.hasPrefix("--lang="), let language = Language(String(word.dropFirst(7))) { return language }
            if word == "--lang", i + 1 < arguments.count, let language = Language(arguments[i + 1]) { return language }
        }
        return Language.preferred(by: ProcessInfo.processInfo.environment)
    }
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: loc(.cliRepl))

    @OptionGroup var common: CommonOptions

    @Option(name: .short, help: ArgumentHelp(loc(.cliCommands)))
    var command: String?

    @Flag(help: ArgumentHelp(loc(.cliRecover)))
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
        abstract: loc(.cliRun))

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(loc(.cliRunScript)))
    var file: String

    @Flag(name: .customLong("keep-going"), help: ArgumentHelp(loc(.cliKeepGoing)))
    var keepGoing = false

    @Flag(help: ArgumentHelp(loc(.cliJSON)))
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
        abstract: loc(.cliReplay),
        discussion: loc(.cliReplayDiscussion))

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(loc(.cliReplaySessions)))
    var sessions: [String] = []

    @Option(name: .customLong("all"), help: ArgumentHelp(loc(.cliReplayAll)))
    var folder: String?

    @Flag(help: ArgumentHelp(loc(.cliReplayFast)))
    var fast = false

    @Flag(help: ArgumentHelp(loc(.cliReplayStep)))
    var step = false

    @Option(help: ArgumentHelp(loc(.cliReplayTolerance)))
    var tolerance: Double?

    @Flag(help: ArgumentHelp(loc(.cliReplayQuiet)))
    var quiet = false

    @Flag(help: ArgumentHelp(loc(.cliReplayRecord)))
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
    static let configuration = CommandConfiguration(commandName: "data", abstract: loc(.cliData),
                                                    subcommands: [Fetch.self])

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: loc(.cliDataFetch))
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(loc(.cliDataFetchName))) var name: String
        @Flag(help: ArgumentHelp(loc(.cliDataFetchQuiet))) var quiet = false

        func run() throws {
            let console = TerminalConsole()
            let lab = common.makeLab(console: console)
            let ok = Interpreter(lab: lab, commands: CommandTable.all).run("data fetch \(name)\(quiet ? " quiet" : "")")
            throw ExitCode(ok ? 0 : 1)
        }
    }
}

struct TutorialTool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tutorial", abstract: loc(.cliTutorial),
                                                    subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: loc(.cliVerify))
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(loc(.cliVerifyLesson))) var lesson: String?
        @Flag(help: ArgumentHelp(loc(.cliVerifyFast))) var fast = false
        @Flag(help: ArgumentHelp(loc(.cliVerifyRecord)))
        var record = false
        @Flag(help: ArgumentHelp(loc(.cliVerifyVerbose))) var verbose = false

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
