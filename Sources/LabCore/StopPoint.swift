// StopPoint: where a learner stopped a run (Ctrl-C), kept as a fact of the session.
//
// A stopped run ends after some batch of some epoch; the model then holds exactly the weights of
// that moment. The run records it as a figure line, "stopped at epoch 76 batch 123" (with the
// run's name in front for an entry of a sweep or an ensemble), which the journal, the autosave
// journal and the saved session keep under the command. Replay and recovery read those lines back
// and hand them to the lab as `plannedStops` while they run the command, so the run stops after
// the very same batch and every figure after it agrees bit for bit. Without the line a replay would
// train all the epochs the command asked for.

/// A run stopped after `batch` (1-based) of `epoch`.
public struct StopPoint: Equatable, Sendable {
    /// The run's name for an entry of a sweep or an ensemble; nil for `train`'s own run.
    public var run: String?
    public var epoch: Int
    public var batch: Int

    public init(run: String? = nil, epoch: Int, batch: Int) {
        self.run = run
        self.epoch = epoch
        self.batch = batch
    }

    /// "stopped at epoch 76 batch 123", or "NAME stopped at epoch 76 batch 123".
    public var figure: String { (run.map { $0 + " " } ?? "") + "stopped at epoch \(epoch) batch \(batch)" }

    /// The stop a figure line records, if it records one.
    public static func parse(_ line: String) -> StopPoint? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let rest = words.count == 7 ? Array(words.dropFirst()) : words
        guard rest.count == 6, rest[0] == "stopped", rest[1] == "at", rest[2] == "epoch", rest[4] == "batch",
              let epoch = Int(rest[3]), let batch = Int(rest[5]), epoch >= 1, batch >= 1 else { return nil }
        return StopPoint(run: words.count == 7 ? words[0] : nil, epoch: epoch, batch: batch)
    }

    /// Every stop recorded among `figures`.
    public static func all(in figures: [String]) -> [StopPoint] { figures.compactMap(parse) }
}
