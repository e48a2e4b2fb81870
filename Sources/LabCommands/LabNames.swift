// LabNames: the names only a running lab knows, for TAB completion: its layers, runs, saved
// sessions, lessons and data sets.

import Foundation
import LabCore
import NNEngine

package struct LabNames {
    let lab: Lab
    /// The command table being completed (its names complete `help`).
    let commands: [CommandSpec]

    package init(lab: Lab, commands: [CommandSpec]) {
        self.lab = lab
        self.commands = commands
    }

    /// Names for a completion source (called by the line editor while it reads a line).
    package var provider: (CompletionSource) -> [String] {
        let lab = self.lab, commands = self.commands
        return { [weak lab] source in lab.map { LabNames(lab: $0, commands: commands).names(for: source) } ?? [] }
    }

    package func names(for source: CompletionSource) -> [String] {
        switch source {
        case .layerNames: return [ModelSpec.inputName] + lab.model.layers.map(\.name)
        case .layerRefs: return lab.model.layers.indices.map { String($0 + 1) } + lab.model.layers.map(\.name)
        case .runNames: return lab.results.runs.map(\.name)
        case .sessionNames: return lab.savedSessionNames()
        case .lessons: return lab.lessonNames()
        case .dataSets: return DataCommands.names
        case .commands: return commands.map(\.name) + HelpCommands.topics
        case .choices(let c): return c
        case .files: return FileCompletion.paths(matching: "")
        case .none: return []
        }
    }
}

extension Lab {
    /// Names of the sessions in sessions/ and the examples (without extension), sorted.
    package func savedSessionNames() -> [String] {
        SessionPlaces.names(paths)
    }

    /// Lesson numbers and slugs from tutorials/.
    package func lessonNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: paths.tutorials.path)) ?? []
        let slugs = files.filter { $0.hasSuffix(".lesson") }.map { String($0.dropLast(7)) }.sorted()
        return slugs.compactMap { $0.split(separator: "-").first.flatMap { Int($0) }.map(String.init) } + slugs
    }
}
