// TutorialProgress: how far the learner got in each lesson, remembered between runs of nnlab in
// the per-user state folder (`~/.local/state/nnlab/tutorial-progress.json`). Written atomically after every move, so a
// crash or Ctrl-C never leaves half a file; a file that cannot be read is set aside with a note,
// never a crash.

import Foundation
import LabCore
import LabKit
import NNFormats

/// Progress in every lesson, keyed by the lesson's file name (`01-vanishing-gradients`), which
/// is the same in every language.
public struct TutorialProgress: Codable, Equatable, Sendable {
    public struct LessonState: Codable, Equatable, Sendable {
        /// The step the learner is at (0-based).
        public var step: Int
        /// Steps whose commands have run at least once (0-based, sorted).
        public var stepsRun: [Int]
        /// The whole lesson was walked through to its end.
        public var finished: Bool
        /// How many steps the lesson had when this was written.
        public var steps: Int

        public init(step: Int = 0, stepsRun: [Int] = [], finished: Bool = false, steps: Int) {
            self.step = step
            self.stepsRun = stepsRun
            self.finished = finished
            self.steps = steps
        }
    }

    public var lessons: [String: LessonState] = [:]
    /// The lesson that was running when progress was last saved.
    public var current: String?

    public init() {}

    /// Reads the progress file; a missing file is no progress, an unreadable one is reported in
    /// `problem` and treated as none.
    public static func load(from url: URL) -> (progress: TutorialProgress, problem: Bool) {
        guard let data = try? Data(contentsOf: url) else { return (TutorialProgress(), false) }
        guard let p = try? JSONDecoder().decode(TutorialProgress.self, from: data) else { return (TutorialProgress(), true) }
        return (p, false)
    }

    /// Writes the progress file atomically, creating its folder. Throws a readable message.
    public func save(to url: URL) throws(ShellError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ShellError("cannot create \(url.deletingLastPathComponent().path)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { throw ShellError("cannot encode the progress") }
        do { try AtomicFile.write(data, to: url) } catch { throw ShellError(error.description) }
    }
}
