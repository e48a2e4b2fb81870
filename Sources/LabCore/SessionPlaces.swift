// SessionPlaces: the two folders a session name is looked up in. `load NAME`, `replay NAME`,
// `sessions` and `nnlab replay NAME` look in ./sessions (the learner's own, where `save` writes)
// first, then in the install's example sessions, and say which they used. Examples are only read:
// saving under an example's name writes a new file in ./sessions. When nnlab was started in the
// install itself (a checkout running `make test`), the two folders are one.

import Foundation
import LabText

/// Which of the two folders a session came from.
package enum SessionSource: Equatable, Sendable {
    /// ./sessions, the learner's own.
    case own
    /// The shipped examples (read only).
    case example
}

/// A session found by name.
package struct FoundSession: Equatable {
    package var name: String
    package var script: URL
    package var source: SessionSource
}

package enum SessionPlaces {
    /// The session `name` in ./sessions, else in the examples; nil when neither has it.
    package static func find(_ name: String, paths: LabPaths) -> FoundSession? {
        let own = script(name, in: paths.sessions)
        if FileManager.default.fileExists(atPath: own.path) { return FoundSession(name: name, script: own, source: .own) }
        guard paths.examplesApart else { return nil }
        let example = script(name, in: paths.examples)
        if FileManager.default.fileExists(atPath: example.path) { return FoundSession(name: name, script: example, source: .example) }
        return nil
    }

    /// NAME.nnlab in `folder`.
    package static func script(_ name: String, in folder: URL) -> URL {
        folder.appendingPathComponent(name + ".nnlab")
    }

    /// The session files in `folder` (NAME.nnlab, not hidden: a save's staged files are), sorted.
    package static func sessionFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".nnlab") && !$0.hasPrefix(".") }.sorted()
    }

    /// Names in both folders (without extension), each once, sorted.
    package static func names(_ paths: LabPaths) -> [String] {
        var folders = [paths.sessions]
        if paths.examplesApart { folders.append(paths.examples) }
        let names = folders.flatMap { sessionFiles(in: $0).map { String($0.dropLast(6)) } }
        return Array(Set(names)).sorted()
    }

    /// "from sessions/x.nnlab" or "example session, from /usr/local/share/nnlab/sessions/x.nnlab".
    package static func origin(_ found: FoundSession, paths: LabPaths, language: Language) -> String {
        let key: SessionMessage = switch found.source {
        case .own: .sessionFromOwn
        case .example: .sessionFromExample
        }
        return key.text([paths.shown(found.script)], language: language)
    }
}
