// SessionStore: saved sessions on disk: `sessions/NAME.nnlab` beside `sessions/NAME.safetensors`.
//
// Saving writes the pair so that a failure or a kill at any point leaves either the previous pair
// or the new one (SessionPair.swift has the steps): both new files are first written completely
// under hidden names, then the script (which records its weights' size and SHA-256) is renamed
// into place as the commit point, then the weights. A full disk or a read-only folder fails in
// the first steps, with nothing replaced. Reading is in SessionLoader; this file writes, names and lists.

import Foundation
import LabCommands
import LabCore
import LabKit
import LabText
import NNCore
import NNData
import NNFormats
#if canImport(Glibc)
import Glibc
#endif

/// Saved sessions in a lab's sessions/ folder.
package enum SessionStore {
    // MARK: - Names

    /// `raw` as a session name (a trailing `.nnlab` is dropped), or an error saying what is wrong.
    static func checkName(_ raw: String) throws(ShellError) -> String {
        let name = raw.hasSuffix(".nnlab") ? String(raw.dropLast(6)) : raw
        let hint = loc(.sessionNameRuleHint)
        if name.contains("/") || name.contains("\\") {
            throw ShellError(loc(.sessionNameHasSeparator, raw), hint: loc(.sessionNameReplayPathHint))
        }
        guard !name.isEmpty else { throw ShellError(loc(.sessionNameEmpty), hint: hint) }
        guard name.count <= 64 else { throw ShellError(loc(.sessionNameTooLong, raw, name.count), hint: hint) }
        func allowed(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
        }
        if let bad = name.unicodeScalars.first(where: { !allowed($0) }) {
            let shown = bad.value < 0x20 || bad.value == 0x7F ? String(format: "U+%04X", bad.value) : "'\(bad)'"
            throw ShellError(loc(.sessionNameBadCharacter, raw, shown), hint: hint)
        }
        guard let first = name.unicodeScalars.first, first != ".", first != "-", !name.contains("..") else {
            throw ShellError(loc(.sessionNameBadStart, raw), hint: hint)
        }
        return name
    }

    /// The script and weights files of the session `name`.
    static func files(_ name: String, in folder: URL) -> (script: URL, weights: URL) {
        (folder.appendingPathComponent(name + ".nnlab"), folder.appendingPathComponent(name + ".safetensors"))
    }

    static func exists(_ name: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: files(name, in: folder).script.path)
    }

    // MARK: - Saving

    /// Saves `lab` as `name` in `folder` (default: the lab's sessions/) and returns what was written.
    /// Throws (with nothing replaced) when either file cannot be written.
    @discardableResult
    static func save(_ lab: Lab, as name: String, in folder: URL? = nil, withOptimizerState: Bool = true,
                     date: Date = Date()) throws(ShellError) -> SessionFile {
        let folder = folder ?? lab.paths.sessions
        let (scriptURL, weightsURL) = files(name, in: folder)
        let weights = SessionWeights.encode(SessionSnapshot(of: lab), withOptimizerState: withOptimizerState)
        let file = sessionFile(for: lab, weightsName: weightsURL.lastPathComponent, weights: weights, date: date)
        func failure(_ error: FileWriteError) -> ShellError {
            ShellError(loc(.sessionCannotSave, name, folder.path, error.step, error.osMessage),
                       hint: loc(error.cause == .diskFull ? .sessionSaveFailedDiskFullHint : .sessionSaveFailedHint, error.advice()))
        }
        do { try Folder.create(folder) } catch { throw failure(error) }
        SessionPair.tidy(folder)

        // 1-2. Both files, complete, under hidden names: a failure here replaces nothing.
        let calls = SessionPair.calls
        let stagedWeights = SessionPair.staged(weightsURL), stagedScript = SessionPair.staged(scriptURL)
        func stage(_ data: Data, _ url: URL) throws(FileWriteError) {
            if SessionPair.killStep != nil { try AtomicFile.write(data, to: url, calls: calls) } else { try lab.session.writeFile(data, url) }
        }
        do {
            try stage(weights, stagedWeights)
            try stage(Data(file.render().utf8), stagedScript)
        } catch {
            unlink(stagedWeights.path)
            unlink(stagedScript.path)
            throw failure(error)
        }
        // 3. The commit point: the script, which records its weights' digest, into place.
        if calls.rename(stagedScript.path, scriptURL.path) != 0 {
            let code = errno
            unlink(stagedWeights.path)
            unlink(stagedScript.path)
            throw failure(FileWriteError(path: scriptURL.path, step: "renaming the new file into place", code: code))
        }
        // 4. The weights into place. Should this fail, `load` finds them staged by their digest.
        if calls.rename(stagedWeights.path, weightsURL.path) != 0 {
            let code = errno
            throw ShellError(FileWriteError(path: weightsURL.path, step: "renaming the new file into place", code: code).localized,
                             hint: loc(.sessionWeightsWaitHint, stagedWeights.lastPathComponent, name))
        }
        SessionPair.syncFolder(folder, calls: calls)
        return file
    }

    /// The session file for `lab`: header, journal, and what the lab's last session file had that
    /// the journal does not (notes, the fast variant and its figures) for the commands they share.
    static func sessionFile(for lab: Lab, weightsName: String, weights: Data, date: Date) -> SessionFile {
        var header = SessionFile.Header()
        header.nnlabVersion = nnlabVersion
        header.arithmetic = Arithmetic.name
        header.saved = isoDate(date)
        header.seed = lab.session.journalSeed ?? lab.seed
        header.data = lab.dataCommand.map(dataArguments)
        header.dataIdentity = lab.data?.info.identity
        header.model = modelSummary(lab)
        header.best = FigureComparison.bestAccuracy(in: lab.session.journal.flatMap(\.figures))
        header.weights = SessionFile.WeightsReference(file: weightsName, bytes: weights.count, sha256: Digest.sha256(weights))
        var entries = lab.session.journal.map { SessionFile.Entry(command: $0.command, figures: $0.figures) }
        var trailing: [String] = []
        if let previous = lab.session.file {
            let shared = zip(previous.entries, entries).prefix { $0.command == $1.command }.count
            for i in 0..<shared {
                entries[i].notes = previous.entries[i].notes
                entries[i].fastFigures = previous.entries[i].fastFigures
            }
            if shared > 0 {
                header.fast = previous.header.fast
                header.other = previous.header.other
            }
            if shared == previous.entries.count && shared == entries.count { trailing = previous.trailingNotes }
        }
        return SessionFile(header: header, entries: entries, trailingNotes: trailing)
    }

    /// "data load mnist limit=1000" -> "mnist limit=1000"
    static func dataArguments(_ command: String) -> String {
        guard let words = (try? splitCommands(command))?.first, words.count > 2 else { return command }
        return joinWords(Array(words.dropFirst(2)))
    }

    /// "784-256-256-10 relu/softmax, dropout 0.7; xavier; adam lr 0.001" for listings.
    static func modelSummary(_ lab: Lab) -> String {
        let layers = lab.model.layers
        guard !layers.isEmpty else { return "no layers" }
        var widths: [String] = [lab.data.map { String($0.featureCount) } ?? "?"]
        var activations: [String] = [], extras: [String] = []
        var plain = true
        for layer in layers {
            switch layer.kind {
            case .dense(let units, let a):
                widths.append(String(units))
                if activations.last != a.description { activations.append(a.description) }
            case .dropout(let k): if !extras.contains("dropout \(NumberFormat.typed(k))") { extras.append("dropout \(NumberFormat.typed(k))") }
            default: plain = false
            }
            if !layer.inputs.isEmpty { plain = false }
        }
        let shape = plain ? compressed(widths).joined(separator: "-") + " " + activations.joined(separator: "/")
            : "\(layers.count)-layer graph: " + countedKinds(layers.map { LayerCommands.kindText($0.kind) })
        // A graph lists every layer already, dropout included.
        return ([shape] + (plain ? extras : [])).joined(separator: ", ")
            + "; \(lab.model.initializer.description); \(lab.optimizerSpec.kind.rawValue) lr \(NumberFormat.typed(lab.optimizerSpec.learningRate))"
    }

    /// ["dense 64 relu", "add", "dense 64 relu", "dense 10 softmax"] -> "2 dense 64 relu, add, dense 10 softmax":
    /// each kind once, in order of first appearance, with its count.
    static func countedKinds(_ kinds: [String]) -> String {
        var order: [String] = [], counts: [String: Int] = [:]
        for k in kinds {
            if counts[k] == nil { order.append(k) }
            counts[k, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\(counts[$0]!) \($0)" : $0 }.joined(separator: ", ")
    }

    /// ["784", "512", "512", "512", "512", "10"] -> ["784", "512x4", "10"]: runs of three or more.
    static func compressed(_ widths: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < widths.count {
            var j = i
            while j + 1 < widths.count && widths[j + 1] == widths[i] { j += 1 }
            let run = j - i + 1
            if run >= 3 { out.append("\(widths[i])x\(run)") } else { out += widths[i...j] }
            i = j + 1
        }
        return out
    }

    static func isoDate(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    // MARK: - Listing

    /// One saved session as `sessions` lists it (read from its header only).
    struct Listed: Equatable {
        var name: String
        var header: SessionFile.Header?
        /// Why the header could not be read.
        var problem: String?
    }

    /// Every `*.nnlab` in `folder`, by name.
    static func list(in folder: URL) -> [Listed] {
        let names = SessionPlaces.sessionFiles(in: folder)
        return names.map { file in
            let name = String(file.dropLast(6))
            let url = folder.appendingPathComponent(file)
            // The header is a few hundred bytes; 64 KB is plenty and keeps listing fast. A FIFO
            // or a folder named like a session is listed as a problem, never opened blocking.
            let head: Data
            do throws(RegularFile.Problem) { head = try RegularFile.read(url, limit: 65_536) } catch {
                return Listed(name: name, problem: error.saying)
            }
            do throws(SessionFileError) {
                return Listed(name: name, header: try SessionFile.parseHeader(String(decoding: head, as: UTF8.self), file: file))
            } catch {
                return Listed(name: name, problem: error.problem)
            }
        }
    }
}
