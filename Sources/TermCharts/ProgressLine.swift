// One line of a training progress bar:
//   epoch 3/15 [██████▌     ] 312/550 cost 0.2113 1,234 samples/s ETA 0:07
// fitted to a width by dropping the less important parts first (the rate's wording, then the rate,
// the word "epoch", the batch count, the ETA, the cost) and then narrowing the bar.
//
// Not here: redrawing (the caller prints "\r" and the line, or a newline when the epoch ends)
// and measuring rates (the trainer's events carry them).

import Foundation
import LabKit

/// The state of training at one moment, as the progress bar shows it.
public struct ProgressLine: Sendable, Hashable {
    /// Current epoch, counted from 1.
    public var epoch: Int
    public var epochs: Int
    /// Batches finished in this epoch.
    public var step: Int
    /// Batches per epoch.
    public var steps: Int
    /// Running cost of this epoch, if known.
    public var cost: Double?
    /// Training speed, if known.
    public var samplesPerSecond: Double?
    /// Seconds left in this epoch, if known.
    public var etaSeconds: Double?
    /// The line's words, in the learner's language.
    public var words = Words()

    /// The words of the line: templates with {1} for the value.
    public struct Words: Sendable, Hashable {
        public var epoch = "epoch {1}"
        public var cost = "cost {1}"
        public var rate = "{1} samples/s"
        public var eta = "ETA {1}"

        public init() {}

        public init(epoch: String, cost: String, rate: String, eta: String) {
            self.epoch = epoch
            self.cost = cost
            self.rate = rate
            self.eta = eta
        }

        func fill(_ template: String, _ value: String) -> String { template.replacingOccurrences(of: "{1}", with: value) }
    }

    public init(epoch: Int, epochs: Int, step: Int, steps: Int, cost: Double? = nil,
                samplesPerSecond: Double? = nil, etaSeconds: Double? = nil) {
        self.epoch = epoch
        self.epochs = epochs
        self.step = step
        self.steps = steps
        self.cost = cost
        self.samplesPerSecond = samplesPerSecond
        self.etaSeconds = etaSeconds
    }

    /// Fraction of the epoch done, in 0...1.
    public var fraction: Double {
        guard steps > 0 else { return 0 }
        return min(1, max(0, Double(step) / Double(steps)))
    }

    /// The line, at most `style.width` columns (not padded; erase the rest of the line when redrawing).
    public func render(_ style: Style) -> String {
        render(width: style.width, style: style)
    }

    /// The line, at most `width` columns.
    public func render(width: Int, style: Style) -> String {
        let width = max(1, width)
        let minBar = 8, maxBar = 30
        for parts in candidates() {
            let tail = parts.after.isEmpty ? "" : " " + parts.after
            let fixed = parts.before.displayWidth + 3 + tail.displayWidth  // space, "[" and "]"
            let inner = min(maxBar, width - fixed)
            if inner >= minBar || parts.isLast {
                guard inner >= 1 else { break }
                return parts.before + " " + bar(inner: inner, style: style) + tail
            }
        }
        // Not even a one-cell bar fits: the bare numbers, cut to the width.
        return "\(epoch)/\(epochs) \(step)/\(steps)".truncated(to: width)
    }

    // MARK: - Pieces

    private struct Parts {
        var before: String
        var after: String
        var isLast = false
    }

    /// Layouts from richest to barest.
    private func candidates() -> [Parts] {
        let epochShort = "\(epoch)/\(epochs)", epochLong = words.fill(words.epoch, epochShort)
        let count = "\(step)/\(steps)"
        let costText = cost.map { words.fill(words.cost, NumberFormat.compact($0, significant: 4)) }
        let rateLong = samplesPerSecond.map { words.fill(words.rate, NumberFormat.rate($0)) }
        let rateShort = samplesPerSecond.map { NumberFormat.rate($0) + "/s" }
        let eta = etaSeconds.map { words.fill(words.eta, NumberFormat.clock($0)) }
        func join(_ xs: [String?]) -> String { xs.compactMap { $0 }.joined(separator: " ") }
        // The bar already shows progress, so the batch count goes before the cost (the learning signal).
        var out = [
            Parts(before: epochLong, after: join([count, costText, rateLong, eta])),
            Parts(before: epochLong, after: join([count, costText, rateShort, eta])),
            Parts(before: epochLong, after: join([count, costText, eta])),
            Parts(before: epochShort, after: join([count, costText, eta])),
            Parts(before: epochShort, after: join([costText, eta])),
            Parts(before: epochShort, after: join([costText])),
            Parts(before: epochShort, after: ""),
        ]
        out[out.count - 1].isLast = true
        return out
    }

    /// "[██████▌     ]" with `inner` cells between the brackets, filled to 1/8-cell resolution.
    private func bar(inner: Int, style: Style) -> String {
        let eighths = Int((fraction * Double(inner * 8)).rounded())
        let filled = BarChart.blocks(eighths: eighths)
        let rest = String(repeating: " ", count: max(0, inner - filled.displayWidth))
        return "[" + style.paint(filled, fg: SeriesPalette.color(2)) + rest + "]"
    }
}
