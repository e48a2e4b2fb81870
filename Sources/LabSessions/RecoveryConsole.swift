// RecoveryConsole: what the learner sees while recovery replays the unsaved commands.
//
// Recovery runs the commands in a scratch lab whose output would only repeat what the learner saw
// before the crash, so their text is kept, not printed. A long `train` would then sit silently for
// minutes: the progress bar goes through to the real console, so the learner sees where recovery
// stands (and that Ctrl-C cuts the current command short). Warnings are kept for the messages
// recovery prints when a command fails. Nobody answers questions: a command that asks gets no.

import LabCore
import TermCharts

final class RecoveryConsole: Console {
    private let real: Console
    private(set) var lines: [String] = []
    private(set) var warnings: [String] = []

    init(showing real: Console) { self.real = real }

    var style: Style { real.style }
    var isInteractive: Bool { false }
    var showsProgress: Bool { real.isInteractive }
    func write(_ text: String) { lines.append(text) }
    func warn(_ text: String) { warnings.append(text) }
    func status(_ text: String) { if real.isInteractive { real.status(text) } }
    func clearStatus() { if real.isInteractive { real.clearStatus() } }
    func record(_ event: LabEvent) {}
    func ask(_ question: String) -> String? { nil }
}
