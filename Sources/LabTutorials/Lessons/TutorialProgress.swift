// TutorialProgress: how far the learner got in each lesson, remembered between runs of nnlab in
// the per-user state folder (`~/.local/state/nnlab/tutorial-progress.json`). Written atomically after every move, so a
// crash or Ctrl-C never leaves half a file; a file that cannot be read is set aside with a note,
// never a crash.

import Foundation
import LabCore
import LabKit
import LabText
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
        /// Exercise steps the learner's own run solved (0-based, sorted).
        public var solved: [Int] = []
        /// Exercise steps whose model answer was shown (`solution`) before they were solved.
        public var revealed: [Int] = []

        public init(step: Int = 0, stepsRun: [Int] = [], finished: Bool = false, steps: Int) {
            self.step = step
            self.stepsRun = stepsRun
            self.finished = finished
            self.steps = steps
        }

        enum CodingKeys: String, CodingKey { case step, stepsRun, finished, steps, solved, revealed }

        /// Files written before exercises existed have no `solved` or `revealed`.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            step = try c.decode(Int.self, forKey: .step)
            stepsRun = try c.decode([Int].self, forKey: .stepsRun)
            finished = try c.decode(Bool.self, forKey: .finished)
            steps = try c.decode(Int.self, forKey: .steps)
            solved = try c.decodeIfPresent([Int].self, forKey: .solved) ?? []
            revealed = try c.decodeIfPresent([Int].self, forKey: .revealed) ?? []
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
            throw ShellError(loc(.progressCannotCreate, url.deletingLastPathComponent().path))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { throw ShellError(loc(.progressCannotEncode)) }
        do { try AtomicFile.write(data, to: url) } catch { throw ShellError(error.localized) }
    }
}
