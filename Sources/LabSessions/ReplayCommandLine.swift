// ReplayCommandLine: `nnlab replay FILE|NAME [--fast] [--all DIR] ...` from the shell, for CI and
// teachers: replays each session, prints the comparisons, and says with the exit status whether
// everything agreed (0), some figure differed or a command failed (1), or a file could not be
// read as a session (2).

import Foundation
import LabCore
import LabKit
import LabText

public enum ReplayCommandLine {
    /// Exit statuses.
    public static let agreed: Int32 = 0, differed: Int32 = 1, unreadable: Int32 = 2

    /// Replays `targets` (session names or .nnlab paths), or every session in `folder`.
    /// With `record`, writes the replayed figures into each file.
    public static func run(targets: [String], folder: String?, options: ReplayOptions, record: Bool,
                           console: Console, paths: LabPaths, shouldStop: @escaping () -> Bool = { false },
                           makeInterpreter: InterpreterMaker) -> Int32 {
        var files: [URL] = []
        var status = agreed
        // Each file's commands are checked against the table the replays will run.
        let commands = makeInterpreter(Lab(console: console, paths: paths)).parser.commands
        if let folder {
            let url = URL(fileURLWithPath: folder)
            let names = SessionPlaces.sessionFiles(in: url)
            if names.isEmpty {
                console.warn(loc(.errorLabel) + loc(.replayNoSessionFiles, folder))
                return unreadable
            }
            files += names.map { url.appendingPathComponent($0) }
        }
        for target in targets {
            do throws(ShellError) {
                let url = try locate(target, paths: paths)
                if record && !target.contains("/") && paths.examplesApart
                    && url.deletingLastPathComponent().standardizedFileURL.path == paths.examples.standardizedFileURL.path {
                    throw ShellError(loc(.replayExampleNotRewritten, target, url.path), hint: loc(.replayCopyExampleFirstHint, target))
                }
                files.append(url)
            } catch {
                console.warn(loc(.errorLabel) + error.message + (error.hint.map { "\n  " + loc(.hintLabel) + $0 } ?? ""))
                status = unreadable
            }
        }
        if files.isEmpty && status == agreed {
            console.warn(loc(.errorLabel) + loc(.replayNameSomething))
            return unreadable
        }
        var outcomes: [(String, String)] = []
        for url in files {
            let name = url.deletingPathExtension().lastPathComponent
            let bytes: Data
            do { bytes = try RegularFile.read(url) } catch {
                console.warn(loc(.errorLabel) + error.saying(about: url.path))
                outcomes.append((name, loc(.replayOutcomeUnreadable)))
                status = max(status, unreadable)
                continue
            }
            let file: SessionFile
            do { file = try SessionFile.parse(bytes, file: url.path, commands: commands) } catch {
                console.warn(loc(.errorLabel) + error.description)
                outcomes.append((name, loc(.replayOutcomeNotSession)))
                status = max(status, unreadable)
                continue
            }
            let result = Replay.run(file, name: name, console: console, paths: paths, options: options, shouldStop: shouldStop,
                                    makeInterpreter: makeInterpreter)
            var outcome = result.failedLine.map { loc(.replayOutcomeLineFailed, $0) }
                ?? (result.succeeded ? loc(.replayOutcomeAgrees) : loc(.replayOutcomeDiffer, result.differing.count))
            if record && result.failedLine == nil {
                do {
                    try SessionCommands.record(result, file: file, name: name, folder: url.deletingLastPathComponent(), fast: options.fast)
                    outcome += loc(.replayOutcomeRecorded)
                    console.write(loc(options.fast ? .replayRecordedFastFile : .replayRecordedWithWeights, url.path))
                } catch {
                    console.warn(loc(.errorLabel) + error.message)
                    outcome += loc(.replayOutcomeNotRecorded)
                }
            }
            if !result.succeeded && !(record && result.failedLine == nil) { status = max(status, differed) }
            outcomes.append((name, outcome))
            console.write("")
        }
        if outcomes.count > 1 {
            let width = outcomes.map(\.0.count).max() ?? 0
            console.write(loc(options.fast ? .replayedSessionsFast : .replayedSessions, outcomes.count))
            for (name, outcome) in outcomes { console.write("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + outcome) }
        }
        return status
    }

    /// A path to a .nnlab file, or a session name in the lab's sessions/.
    static func locate(_ target: String, paths: LabPaths) throws(ShellError) -> URL {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) {
            guard !isFolder.boolValue else {
                throw ShellError(loc(.replayIsFolder, target), hint: loc(.replayIsFolderHint, target))
            }
            return URL(fileURLWithPath: target)
        }
        if target.contains("/") {
            throw ShellError(loc(.replayNoFile, target), hint: loc(.replayNoFileHint))
        }
        let name = try SessionStore.checkName(target)
        guard let found = SessionPlaces.find(name, paths: paths) else {
            throw ShellError(paths.examplesApart ? loc(.replayNoSessionInOrExamples, name, paths.sessions.path, paths.examples.path)
                                                 : loc(.replayNoSessionIn, name, paths.sessions.path),
                             hint: loc(.replayListThemHint))
        }
        return found.script
    }
}
