// StopPoint: where a learner stopped a run (Ctrl-C), kept as a fact of the session.
//
// A stopped run ends after some batch of some epoch; the model then holds exactly the weights of
// that moment. The run records it as a figure line, "stopped at epoch 76 batch 123" (with the
// run's name in front for an entry of a sweep or an ensemble), which the journal, the autosave
// journal and the saved session keep under the command. Replay and recovery read those lines back
// and hand them to the lab as `plannedStops` while they run the command, so the run stops after
// the very same batch and every figure after it agrees bit for bit. Without the line a replay would
// train all the epochs the command asked for.

/// A run stopped after `batch` (1-based) of `epoch`; or a sweep or ensemble stopped after
/// `entries` of its runs (the first Ctrl-C lets the running entry finish, then stops the command).
public struct StopPoint: Equatable, Sendable {
    /// The run's name for an entry of a sweep or an ensemble; nil for `train`'s own run.
    public var run: String?
    public var epoch: Int
    public var batch: Int

    /// For a sweep's or an ensemble's stop: how many of its runs were done, of how many, and what
    /// it calls them ("sweep stopped after 2 of 5 entries"); nil for a run stopped mid-way.
    public var entries: (done: Int, of: Int, command: String, noun: String)?

    public init(run: String? = nil, epoch: Int, batch: Int) {
        self.run = run
        self.epoch = epoch
        self.batch = batch
    }

    /// A sweep or ensemble (`command`) stopped after `done` of its `total` runs (`noun`: "entries").
    public init(command: String, after done: Int, of total: Int, noun: String) {
        self.init(epoch: 0, batch: 0)
        entries = (done, total, command, noun)
    }

    public static func == (a: StopPoint, b: StopPoint) -> Bool { a.figure == b.figure }

    /// "stopped at epoch 76 batch 123", "NAME stopped at epoch 76 batch 123", or "sweep stopped
    /// after 2 of 5 entries".
    public var figure: String {
        if let e = entries { return "\(e.command) stopped after \(e.done) of \(e.of) \(e.noun)" }
        return (run.map { $0 + " " } ?? "") + "stopped at epoch \(epoch) batch \(batch)"
    }

    /// How many runs of `command` (a sweep, an ensemble) a replay should train, when it was stopped.
    public static func entriesDone(_ stops: [StopPoint], command: String) -> Int? {
        stops.lazy.compactMap { $0.entries }.first { $0.command == command }?.done
    }

    /// The stop a figure line records, if it records one.
    public static func parse(_ line: String) -> StopPoint? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.count == 7, words[1] == "stopped", words[2] == "after", words[4] == "of",
           ["sweep", "ensemble"].contains(words[0]), let done = Int(words[3]), let total = Int(words[5]), done >= 0, done <= total {
            return StopPoint(command: words[0], after: done, of: total, noun: words[6])
        }
        let rest = words.count == 7 ? Array(words.dropFirst()) : words
        guard rest.count == 6, rest[0] == "stopped", rest[1] == "at", rest[2] == "epoch", rest[4] == "batch",
              let epoch = Int(rest[3]), let batch = Int(rest[5]), epoch >= 1, batch >= 1 else { return nil }
        return StopPoint(run: words.count == 7 ? words[0] : nil, epoch: epoch, batch: batch)
    }

    /// Every stop recorded among `figures`.
    public static func all(in figures: [String]) -> [StopPoint] { figures.compactMap(parse) }
}
