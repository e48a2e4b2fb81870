// ModelSize: the one check of a model's size, made wherever the size becomes known.
//
// A model's weight count depends on the layers and on the input width, and either can come last:
// `layer add` before `data load`, a session's metadata, an ensemble of N copies. Each of those
// paths asks `Lab.checkSize` before anything is allocated. The count is made in 64-bit integers
// with overflow checked (ModelSpec.shape), so an absurd size is refused, never wrapped or trapped.
// Without data the input width is unknown; the check then assumes 1 input, the least there can be,
// so two `dense 100000` layers are refused at once rather than when data arrives.

import LabKit
import LabText
import NNEngine

extension Lab {
    /// The weights `spec` holds on `inputWidth` inputs (nil: unknown, counted as 1), or nil when
    /// it cannot be counted in 64 bits. Throws the model's own error when it does not resolve.
    static func weightCount(_ spec: ModelSpec, inputWidth: Int?) throws(ModelError) -> Int? {
        guard !spec.layers.isEmpty else { return 0 }
        let nodes: [ResolvedNode]
        do {
            nodes = try spec.resolve(inputWidth: max(inputWidth ?? 1, 1), allowDangling: true, checkWidths: inputWidth != nil)
        } catch {
            if case .tooLarge = error { return nil }
            throw error
        }
        var total = 0
        for node in nodes {
            let (sum, overflow) = total.addingReportingOverflow(node.parameterCount)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// Refuses `spec` (times `copies`, for an ensemble's members) when it would hold more than
    /// `maximumParameters` weights on `inputWidth` inputs. A model that does not resolve passes:
    /// the caller reports that problem in its own words.
    package static func checkSize(_ spec: ModelSpec, inputWidth: Int?, copies: Int = 1) throws(ShellError) {
        let counted: Int?
        do { counted = try weightCount(spec, inputWidth: inputWidth) } catch { return }
        var total = counted
        if let one = counted {
            let (all, overflow) = one.multipliedReportingOverflow(by: max(copies, 1))
            total = overflow ? nil : all
        }
        if let total, total <= maximumParameters { return }
        let what = copies > 1 ? loc(.copiesOfThatModel, copies) : loc(.thatModel)
        let size = total.map { loc(.weightsAndMegabytes, NumberFormat.grouped($0), NumberFormat.grouped($0 / 250_000)) }
            ?? loc(.uncountableWeights)
        throw ShellError(loc(.modelOverLimit, what, size, NumberFormat.grouped(maximumParameters)),
                         hint: copies > 1 ? loc(.fewerMembersOrUnits) : loc(.fewerUnits))
    }
}
