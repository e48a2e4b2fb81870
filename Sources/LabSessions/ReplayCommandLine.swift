// ReplayCommandLine: `nnlab replay FILE|NAME [--fast] [--all DIR] ...` from the shell, for CI and
// teachers: replays each session, prints the comparisons, and says with the exit status whether
// everything agreed (0), some figure differed or a command failed (1), or a file could not be
// read as a session (2).

import Foundation
import LabCore
import LabKit

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
                console.warn("error: no session files (*.nnlab) in \(folder)")
                return unreadable
            }
            files += names.map { url.appendingPathComponent($0) }
        }
        for target in targets {
            do throws(ShellError) {
                let url = try locate(target, paths: paths)
                if record && !target.contains("/") && paths.examplesApart
                    && url.deletingLastPathComponent().standardizedFileURL.path == paths.examples.standardizedFileURL.path {
                    throw ShellError("\(target) is an example session (\(url.path)): examples are not rewritten",
                                     hint: "copy it into sessions/ first (`load \(target)` then `save`), then record that copy")
                }
                files.append(url)
            } catch {
                console.warn("error: " + error.message + (error.hint.map { "\n  hint: " + $0 } ?? ""))
                status = unreadable
            }
        }
        if files.isEmpty && status == agreed {
            console.warn("error: name a session (or a .nnlab file), or give --all FOLDER")
            return unreadable
        }
        var outcomes: [(String, String)] = []
        for url in files {
            let name = url.deletingPathExtension().lastPathComponent
            let bytes: Data
            do { bytes = try RegularFile.read(url) } catch {
                console.warn("error: \(url.path) \(error.description)")
                outcomes.append((name, "cannot be read"))
                status = max(status, unreadable)
                continue
            }
            let file: SessionFile
            do { file = try SessionFile.parse(bytes, file: url.path, commands: commands) } catch {
                console.warn("error: " + error.description)
                outcomes.append((name, "cannot be read as a session"))
                status = max(status, unreadable)
                continue
            }
            let result = Replay.run(file, name: name, console: console, paths: paths, options: options, shouldStop: shouldStop,
                                    makeInterpreter: makeInterpreter)
            var outcome = result.failedLine.map { "line \($0) failed" }
                ?? (result.succeeded ? "agrees" : "\(result.differing.count) command(s) differ")
            if record && result.failedLine == nil {
                do {
                    try SessionCommands.record(result, file: file, name: name, folder: url.deletingLastPathComponent(), fast: options.fast)
                    outcome += ", recorded"
                    console.write("recorded the replayed \(options.fast ? "fast " : "")figures in \(url.path)"
                                  + (options.fast ? "" : " (and its weights)"))
                } catch {
                    console.warn("error: " + error.message)
                    outcome += ", not recorded"
                }
            }
            if !result.succeeded && !(record && result.failedLine == nil) { status = max(status, differed) }
            outcomes.append((name, outcome))
            console.write("")
        }
        if outcomes.count > 1 {
            let width = outcomes.map(\.0.count).max() ?? 0
            console.write("replayed \(outcomes.count) sessions" + (options.fast ? " (fast variants)" : "") + ":")
            for (name, outcome) in outcomes { console.write("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + outcome) }
        }
        return status
    }

    /// A path to a .nnlab file, or a session name in the lab's sessions/.
    static func locate(_ target: String, paths: LabPaths) throws(ShellError) -> URL {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) {
            guard !isFolder.boolValue else {
                throw ShellError("\(target) is a folder", hint: "give --all \(target) to replay every session in it")
            }
            return URL(fileURLWithPath: target)
        }
        if target.contains("/") {
            throw ShellError("there is no file \(target)", hint: "check the path, or give a session name from sessions/")
        }
        let name = try SessionStore.checkName(target)
        guard let found = SessionPlaces.find(name, paths: paths) else {
            throw ShellError("there is no session '\(name)' in \(paths.sessions.path)"
                             + (paths.examplesApart ? " nor among the examples in \(paths.examples.path)" : ""),
                             hint: "`nnlab` then `sessions` lists them")
        }
        return found.script
    }
}
