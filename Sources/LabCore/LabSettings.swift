// LabSettings: how the lab runs: the defaults every `train` starts from, the language of lessons,
// the shortened runs of `--fast`, and whether a missing data set may be downloaded.

import LabText
import NNEngine

/// The lab's settings (`set` changes the first two).
public struct LabSettings {
    /// Epochs, batch size and the keep_prob / learning-rate overrides `train` starts from.
    public var defaults = TrainingOptions()
    /// The language of lessons and the tutorial runner.
    public var language = Language.en
    /// Shortened runs for CI and lesson checks (`--fast`): caps epochs and training examples.
    public var fast: FastMode?
    /// Whether a missing data set may be downloaded (tests turn this off).
    public var allowDownloads = true

    public init() {}
}
