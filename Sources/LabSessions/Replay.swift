// Replay: runs a session file again from a fresh lab and compares every recorded figure.
//
// The fresh lab starts from the header's seed (and, for `fast`, the header's fast variant) and
// runs the commands one by one, as `nnlab run` would. After each command that recorded figures,
// the replayed figures are compared with the recorded ones (FigureComparison): the last line of
// each side is printed with "matches", "within tolerance" or the largest difference. `step`
// waits for Enter before each command, like a tutorial. Replaying never touches the lab it was
// asked from; the `replay` command decides afterwards whether to take the replayed state.

import Foundation
import LabCore
import LabKit
import LabText
import NNCore
import TermCharts

/// How to replay.
public struct ReplayOptions: Sendable {
    /// Wait for Enter before each command.
    public var step = false
    /// Run the file's fast variant and compare with its fast figures.
    public var fast = false
    /// The largest difference that still counts as agreeing (figures have four decimals). nil: 0
    /// for a session recorded with this nnlab's arithmetic (the same bits are owed), otherwise
    /// `FigureComparison.defaultTolerance`.
    public var tolerance: Double?
    /// Show only the comparisons, not the commands' own output.
    public var quiet = false

    public init(step: Bool = false, fast: Bool = false, tolerance: Double? = nil, quiet: Bool = false) {
        self.step = step
        self.fast = fast
        self.tolerance = tolerance
        self.quiet = quiet
    }
}

/// One command whose figures were compared.
public struct ReplayedCommand: Sendable {
    public let line: Int
    public let command: String
    public let recorded: [String]
    public let replayed: [String]
    public let verdict: FigureVerdict
}

/// What a replay found.
public struct ReplayResult {
    public let name: String
    public internal(set) var compared: [ReplayedCommand] = []
    /// Where the replay stopped because a command failed.
    public internal(set) var failedLine: Int?
    /// True when the learner stopped a step-by-step replay before the end.
    public internal(set) var stoppedEarly = false
    /// Commands run.
    public internal(set) var commandsRun = 0
    /// The lab the replay built.
    public let lab: Lab

    /// No command failed and every compared figure agrees.
    public var succeeded: Bool { failedLine == nil && compared.allSatisfy { $0.verdict.agrees } }
    /// Commands whose figures differ beyond the tolerance.
    public var differing: [ReplayedCommand] { compared.filter { !$0.verdict.agrees } }
}

public enum Replay {
    /// Replays `file` (called `name` in messages) in a fresh lab that prints on `console`, running
    /// its commands through the interpreter `makeInterpreter` gives for that lab.
    public static func run(_ file: SessionFile, name: String, console: Console, paths: LabPaths,
                           options: ReplayOptions = ReplayOptions(), shouldStop: @escaping () -> Bool = { false },
                           makeInterpreter: InterpreterMaker) -> ReplayResult {
        let style = console.style
        let lab = Lab(console: options.quiet ? QuietConsole(console) : console, paths: paths)
        // The replayed commands speak the language the replay was asked in (not a setting of the file).
        lab.settings.language = Language.current
        lab.shouldStop = shouldStop
        lab.reseed(file.header.seed)
        var fastFigures = options.fast
        if options.fast {
            if let fast = file.header.fast {
                lab.settings.fast = fast
                console.write(style.dim(loc(.replayingFast, name, SessionFile.describe(fast))))
            } else {
                fastFigures = false
                console.write(style.dim(loc(.replayingNoFast, name)))
            }
        } else {
            console.write(style.dim(loc(.replaying, name)))
        }
        let tolerance = options.tolerance ?? tolerance(for: file.header, name: name, console: console)
        let interpreter = makeInterpreter(lab)
        var result = ReplayResult(name: name, lab: lab)
        for entry in file.entries {
            if options.step && console.isInteractive {
                let answer = console.ask(style.dim(loc(.replayLinePrefix, entry.line)) + entry.command + style.dim(loc(.replayStep)))
                guard let answer, !answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("q") else {
                    result.stoppedEarly = true
                    console.write(loc(.replayStoppedBefore, entry.line))
                    break
                }
            } else if !options.quiet {
                console.write(style.dim("nnlab> ") + lab.echoLine(entry.command))
            }
            interpreter.location = (name, entry.line)
            let before = lab.session.journal.count
            // A run the learner stopped stops at the same batch again.
            lab.session.plannedStops = StopPoint.all(in: fastFigures ? entry.fastFigures : entry.figures)
            let ok = interpreter.run(entry.command)
            lab.session.plannedStops = []
            interpreter.location = nil
            guard ok else {
                result.failedLine = entry.line
                break
            }
            result.commandsRun += 1
            let replayed = lab.session.journal.count > before ? lab.session.journal[lab.session.journal.count - 1].figures : []
            let recorded = fastFigures ? entry.fastFigures : entry.figures
            guard !recorded.isEmpty || !replayed.isEmpty else { continue }
            let verdict = FigureComparison.compare(recorded: recorded, replayed: replayed, tolerance: tolerance)
            result.compared.append(ReplayedCommand(line: entry.line, command: entry.command, recorded: recorded,
                                                   replayed: replayed, verdict: verdict))
            console.write(report(verdict, line: entry.line, command: entry.command, recorded: recorded, replayed: replayed,
                                 fast: fastFigures, tolerance: tolerance, style: style))
            if interpreter.shell.quitRequested { break }
        }
        if !options.fast, result.failedLine == nil, let saved = file.header.dataIdentity, let loaded = lab.data?.info.identity,
           !saved.sameData(as: loaded) {
            console.warn(loc(.replayOtherData, name, saved.description, loaded.description, saved.differences(from: loaded).joined(separator: "; ")))
        }
        console.write(summary(result, tolerance: tolerance, style: style))
        return result
    }

    /// 0 when `header` was recorded with this nnlab's arithmetic (the figures must be the same
    /// bits); otherwise the default tolerance, said in one line with the way to re-record.
    static func tolerance(for header: SessionFile.Header, name: String, console: Console) -> Double {
        if header.arithmetic == Arithmetic.name { return 0 }
        let tolerance = number(FigureComparison.defaultTolerance)
        console.write(console.style.dim(header.arithmetic.map { loc(.replayOtherArithmetic, name, $0, Arithmetic.name, tolerance) }
                                        ?? loc(.replayOlderArithmetic, name, Arithmetic.name, tolerance)))
        return FigureComparison.defaultTolerance
    }

    /// The lines printed for one compared command.
    static func report(_ verdict: FigureVerdict, line: Int, command: String, recorded: [String], replayed: [String],
                       fast: Bool, tolerance: Double, style: Style) -> String {
        var shownRecorded = recorded.last, shownReplayed = replayed.last
        let outcome: String
        switch verdict {
        case .matches(let n):
            outcome = style.paint(loc(.replayMatches), fg: .green) + style.dim(loc(n == 1 ? .replayMatchLineOne : .replayMatchLineMany, n))
        case .withinTolerance(let n, let d):
            shownRecorded = d.recorded; shownReplayed = d.replayed
            outcome = style.paint(loc(.replayWithin), fg: .yellow) + loc(.replayWithinDetail, number(d.amount), placeText(d.at))
                + style.dim(loc(.replayWithinNote, number(tolerance), n))
        case .differs(let d):
            shownRecorded = d.recorded; shownReplayed = d.replayed
            outcome = style.paint(loc(.replayDiffers), fg: .red)
                + (tolerance == 0 ? loc(.replayDiffersSameBits, number(d.amount), placeText(d.at))
                                  : loc(.replayDiffersBeyond, number(d.amount), placeText(d.at), number(tolerance)))
        case .countDiffers(let a, let b):
            outcome = style.paint(loc(.replayDiffers), fg: .red) + loc(a == 1 ? .replayCountDiffersOne : .replayCountDiffersMany, a, b)
        case .notRecorded(let n):
            outcome = style.dim(loc(fast ? .replayNotRecordedFast : .replayNotRecorded, n))
        }
        var lines = [style.dim(loc(.replayLinePrefix, line)) + command]
        lines.append(loc(.replayRecordedLabel) + (shownRecorded ?? style.dim(loc(.replayNone))))
        lines.append(loc(.replayReplayedLabel) + (shownReplayed ?? style.dim(loc(.replayNone))))
        lines.append("  " + outcome)
        return lines.joined(separator: "\n")
    }

    /// "cost at epoch 3" in the learner's language.
    static func placeText(_ place: FigureDifference.Place) -> String {
        switch place {
        case .number(let label, let subject): loc(.replayPlaceNumber, label, subject)
        case .words(let subject): loc(.replayPlaceWords, subject)
        }
    }

    static func summary(_ r: ReplayResult, tolerance: Double, style: Style) -> String {
        let compared = r.compared.filter { if case .notRecorded = $0.verdict { false } else { true } }
        let exact = compared.filter { if case .matches = $0.verdict { true } else { false } }.count
        var text = loc(r.commandsRun == 1 ? .replaySummaryOne : .replaySummaryMany, r.name, r.commandsRun, compared.count)
        if let line = r.failedLine { return text + ", " + style.paint(loc(.replaySummaryFailed, line), fg: .red) }
        let differing = r.differing.count
        if differing > 0 {
            let differ = tolerance == 0
                ? loc(differing == 1 ? .replaySummaryDiffersSameBitsOne : .replaySummaryDiffersSameBitsMany, differing)
                : loc(differing == 1 ? .replaySummaryDiffersBeyondOne : .replaySummaryDiffersBeyondMany, differing, number(tolerance))
            text += ", " + style.paint(differ, fg: .red)
        } else if exact == compared.count {
            text += compared.isEmpty ? "" : ", " + style.paint(loc(.replaySummaryAllMatch), fg: .green)
        } else {
            text += ", " + style.paint(loc(.replaySummarySomeWithin, exact, compared.count - exact, number(tolerance)), fg: .yellow)
        }
        return text + (r.stoppedEarly ? loc(.replaySummaryStoppedEarly) : "")
    }

    /// 0.00213 -> "0.0021", 1e-5 -> "0.00001", infinity -> "(missing)"
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return loc(.replayNotComparable) }
        if x >= 0.0001 || x == 0 { return NumberFormat.fourDecimals(Float(x)) }
        return String(format: "%.2g", x)
    }
}

/// Passes warnings and questions on, drops the rest (`replay --quiet`, silent recovery).
final class QuietConsole: Console {
    let inner: Console
    init(_ inner: Console) { self.inner = inner }
    var style: Style { inner.style }
    var isInteractive: Bool { false }
    func write(_ text: String) {}
    func warn(_ text: String) { inner.warn(text) }
    func status(_ text: String) {}
    func clearStatus() {}
    func record(_ event: LabEvent) { inner.record(event) }
    func ask(_ question: String) -> String? { inner.ask(question) }
}
