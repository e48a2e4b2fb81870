// SessionPair: a saved session's script and weights as one unit on disk.
//
// The script (`NAME.nnlab`) records the size and SHA-256 of its weights in its header, so the
// script is the pair's commit record. Saving goes:
//   1. the new weights, complete, as `.NAME.safetensors.partial` (temporary file, fsync, rename)
//   2. the new script, complete, as `.NAME.nnlab.partial`
//   3. the script renamed over `NAME.nnlab`             <- the commit point
//   4. the weights renamed over `NAME.safetensors`
// A kill before 3 leaves the old pair (the staged files are leftovers); a kill between 3 and 4
// leaves the new script with the new weights still staged, which `resolveWeights` finds by their
// digest and rolls forward. So the files on disk always load as the old pair or the new pair,
// never as a mixture; weights that are neither (a file copied over by hand) are refused unless the
// learner asks for them on purpose (`load NAME mismatched`).
//
// `tidy` runs when a lab starts and before each save: staged weights the script names are rolled
// forward, other staged files and temporaries of dead processes are deleted.
//
// Test seam: with NNLAB_KILL_AT_SAVE_STEP=N in the environment, the process kills itself (SIGKILL)
// at the Nth write, fsync or rename of a save, so a test can prove every instant leaves a pair.

import LabCore
import Foundation
import LabKit
import NNData
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

enum SessionPair {
    static let stagedSuffix = ".partial"

    /// `.NAME.safetensors.partial`, `.NAME.nnlab.partial`: where step 1 and 2 write.
    static func staged(_ url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + stagedSuffix)
    }

    // MARK: - Reading

    /// What `resolveWeights` found.
    enum Weights {
        /// The file the script names, with the bytes it recorded (or no record: an older script).
        case matching(Data)
        /// A save cut short after its commit point: the staged weights are the script's; moved into place.
        case rolledForward(Data)
        /// A file whose digest is not the one the script recorded.
        case mismatched(Data, recorded: SessionFile.WeightsReference, found: (bytes: Int, sha256: String))
        case missing
    }

    /// The weights at `url` for a script whose header recorded `recorded`.
    static func resolveWeights(_ url: URL, recorded: SessionFile.WeightsReference?) -> Weights {
        let current = RegularFile.contents(url)
        guard let recorded else { return current.map { .matching($0) } ?? .missing }
        if let current, current.count == recorded.bytes, Digest.sha256(current) == recorded.sha256 { return .matching(current) }
        let stagedURL = staged(url)
        if let stagedBytes = RegularFile.contents(stagedURL), stagedBytes.count == recorded.bytes,
           Digest.sha256(stagedBytes) == recorded.sha256 {
            if rename(stagedURL.path, url.path) == 0 { syncFolder(url.deletingLastPathComponent()) }
            return .rolledForward(stagedBytes)
        }
        guard let current else { return .missing }
        return .mismatched(current, recorded: recorded, found: (current.count, Digest.sha256(current)))
    }

    // MARK: - Leftovers

    /// Rolls forward or deletes what interrupted saves left in `folder`. Best effort, never throws.
    static func tidy(_ folder: URL) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries where entry.hasPrefix(".") {
            let path = folder.appendingPathComponent(entry).path
            if entry.hasSuffix(".nnlab" + stagedSuffix) {
                // A staged script never reached its commit point: the old pair stands.
                unlink(path)
            } else if entry.hasSuffix(".safetensors" + stagedSuffix) {
                let target = String(entry.dropFirst().dropLast(stagedSuffix.count))
                let name = String(target.dropLast(".safetensors".count))
                let (script, weights) = SessionStore.files(name, in: folder)
                let recorded = RegularFile.contents(script).flatMap { try? SessionFile.parseHeader(String(decoding: $0, as: UTF8.self), file: script.lastPathComponent) }?.weights
                if case .rolledForward = resolveWeights(weights, recorded: recorded) { continue }
                unlink(path)
            } else if let range = entry.range(of: ".tmp-") {
                // A temporary of AtomicFile (`.NAME.tmp-PID-RANDOM`): removed when its process is gone.
                let name = String(entry[entry.index(after: entry.startIndex)..<range.lowerBound])
                AtomicFile.removeStaleTemporaries(for: name, in: folder.path, calls: .system)
            }
        }
    }

    /// Makes renames durable (best effort: some file systems cannot sync a folder).
    static func syncFolder(_ folder: URL, calls: SystemCalls = .system) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = calls.fsync(fd)
        close(fd)
    }

    // MARK: - The kill seam

    /// The step at which a test asked the process to die (NNLAB_KILL_AT_SAVE_STEP), if any.
    static let killStep: Int? = ProcessInfo.processInfo.environment["NNLAB_KILL_AT_SAVE_STEP"].flatMap { Int($0) }
    private static let steps = Atomic<Int>(0)

    /// Counts one write, fsync or rename of a save; kills the process at the step asked for.
    static func step() {
        guard let killStep else { return }
        let n = steps.add(1, ordering: .sequentiallyConsistent).newValue
        if n == killStep { kill(getpid(), SIGKILL) }
    }

    /// The system calls a save makes: the real ones, each write, fsync and rename counted by `step`.
    static var calls: SystemCalls {
        guard killStep != nil else { return .system }
        var c = SystemCalls.system
        let system = SystemCalls.system
        c.write = { fd, bytes, count in step(); return system.write(fd, bytes, count) }
        c.fsync = { fd in step(); return system.fsync(fd) }
        c.rename = { from, to in step(); return system.rename(from, to) }
        return c
    }
}

extension Lab {
    /// Finishes or removes what interrupted saves left in the sessions folder (at start).
    public func tidySavedSessions() { SessionPair.tidy(paths.sessions) }
}
