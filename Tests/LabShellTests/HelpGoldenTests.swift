// Help text checked word for word, one golden file per command family (Tests/LabShellTests/Golden).
//
// Each file holds `help PATH` for every command of the family, each block headed by "$ help PATH".
// After changing a declaration on purpose, regenerate the files with
// `NNLAB_UPDATE_GOLDEN=1 swift test --filter HelpGoldenTests` and read the diff before committing.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite struct HelpGoldenTests {
    static let families: [(file: String, commands: [CommandSpec])] = [
        ("data", DataCommands.commands),
        ("layer", LayerCommands.commands),
        ("settings", SettingsCommands.commands),
        ("train", TrainCommands.commands),
        ("session", SessionCommands.commands),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The help of every command in `commands` (subcommands included), as the golden file holds it.
    static func helpText(_ commands: [CommandSpec], language: Language = .en) -> String {
        var blocks: [String] = []
        for (path, _) in CommandTable.flattened(commands) {
            let line = "help " + path.joined(separator: " ")
            let t = TestLab()
            t.lab.settings.language = language
            t.run(line)
            blocks.append("$ " + line + "\n" + t.output)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    @Test(arguments: families.map(\.file))
    func helpMatchesItsGoldenFile(_ family: String) throws {
        let commands = try #require(Self.families.first { $0.file == family }).commands
        let url = Self.folder.appendingPathComponent("help-\(family).txt")
        let actual = Self.helpText(commands)
        if ProcessInfo.processInfo.environment["NNLAB_UPDATE_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "help for \(family) differs from \(url.lastPathComponent)")
    }

    /// The same families in Korean (help-ko-*.txt): a translation changes only on purpose.
    @Test(arguments: families.map(\.file))
    func koreanHelpMatchesItsGoldenFile(_ family: String) throws {
        let commands = try #require(Self.families.first { $0.file == family }).commands
        let url = Self.folder.appendingPathComponent("help-ko-\(family).txt")
        let actual = Self.helpText(commands, language: .ko)
        if ProcessInfo.processInfo.environment["NNLAB_UPDATE_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "Korean help for \(family) differs from \(url.lastPathComponent)")
    }
}
