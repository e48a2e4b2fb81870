// LabPlaces: how a starting nnlab finds its install and the user's folders (the rules users know
// from other command-line tools). Pure: the environment, the binary's path and the current folder
// come in as values, so tests can give any of them.
//
// The install (tutorials/ and example sessions/), first that exists:
//   1. $NNLAB_HOME
//   2. PREFIX/share/nnlab, for a binary in PREFIX/bin (`make install`)
//   3. the checkout above the binary (.build/release/nnlab in a development checkout)
//   4. the current folder, if it holds tutorials/
// Per-user state: $XDG_STATE_HOME/nnlab, else ~/.local/state/nnlab.
// Data sets fetched once: a checkout's data/ when nnlab was started in the checkout (make mnist
// fetches there), else $XDG_DATA_HOME/nnlab, else ~/.local/share/nnlab. A development build started
// elsewhere also reads its checkout's data/ (as if given --data-dir), but never fetches into it.

import Foundation

extension LabPaths {
    /// The places for an nnlab started in `cwd` from the binary at `executable`.
    public static func discover(environment: [String: String], executable: URL, cwd: URL,
                                dataOverride: URL? = nil) -> LabPaths {
        let fm = FileManager.default
        func isFolder(_ url: URL) -> Bool {
            var folder: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
        }
        let work = cwd.standardizedFileURL
        let install = installRoot(environment: environment, executable: executable, cwd: work)
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory())
        func xdg(_ variable: String, _ fallback: String) -> URL {
            // The XDG spec: a relative value is invalid and must be ignored.
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value).appendingPathComponent("nnlab")
            }
            return home.appendingPathComponent(fallback).appendingPathComponent("nnlab")
        }
        let state = xdg("XDG_STATE_HOME", ".local/state")
        var data = xdg("XDG_DATA_HOME", ".local/share")
        var dataOverride = dataOverride
        if let install, isCheckout(install) {
            let checkoutData = install.appendingPathComponent("data")
            if install.path == work.path {
                data = checkoutData                      // started in the checkout: make mnist fetches here
            } else if dataOverride == nil && isFolder(checkoutData) {
                dataOverride = checkoutData              // elsewhere: read what the checkout has, never write there
            }
        }
        return LabPaths(root: install ?? work, state: state, dataOverride: dataOverride, work: work, data: data)
    }

    /// The folder holding the shipped tutorials/ and sessions/, or nil when none is found.
    static func installRoot(environment: [String: String], executable: URL, cwd: URL) -> URL? {
        let fm = FileManager.default
        if let home = environment["NNLAB_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, relativeTo: cwd).standardizedFileURL
        }
        let binary = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        if binary.lastPathComponent == "bin" {
            let share = binary.deletingLastPathComponent().appendingPathComponent("share/nnlab")
            if fm.fileExists(atPath: share.appendingPathComponent("tutorials").path) { return share.standardizedFileURL }
        }
        var dir = binary
        for _ in 0..<4 {
            if isCheckout(dir) { return dir.standardizedFileURL }
            dir = dir.deletingLastPathComponent()
        }
        if fm.fileExists(atPath: cwd.appendingPathComponent("tutorials").path) { return cwd }
        return nil
    }

    /// A development checkout: Package.swift beside tutorials/.
    static func isCheckout(_ dir: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path)
            && fm.fileExists(atPath: dir.appendingPathComponent("tutorials").path)
    }

    /// This process's executable (through /proc on Linux, so a binary found on PATH resolves too).
    public static var currentExecutable: URL {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: link)
        }
        let argument = CommandLine.arguments.first ?? "nnlab"
        return URL(fileURLWithPath: argument, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}
