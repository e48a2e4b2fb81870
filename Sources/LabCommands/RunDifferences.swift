// RunDifferences: what sets runs apart, said first. A recipe reads "dense 256 relu, dense 10
// softmax; init xavier; adam lr 0.001; batch 100"; between runs of one comparison most of it is
// the same, and a table cut to the terminal's width used to lose the one part that differed
// (the initializer, past the layers). This finds the parts that differ, so `runs` can show them
// in their own column before anything else.

import LabCore
import LabText

/// The parts of a recipe, by what they set.
struct RecipeParts: Equatable, Sendable {
    var layers: [String] = []
    /// Other parts by kind ("init", "optimizer", "batch", "keep_prob").
    var settings: [String: String] = [:]

    static let order = ["init", "optimizer", "batch", "keep_prob"]

    init(_ recipe: String) {
        let fields = recipe.components(separatedBy: "; ")
        layers = fields.first.map { $0.components(separatedBy: ", ") } ?? []
        for field in fields.dropFirst() {
            let key = field.hasPrefix("init ") ? "init" : field.hasPrefix("batch ") ? "batch"
                : field.hasPrefix("keep_prob ") ? "keep_prob" : "optimizer"
            settings[key] = field
        }
    }
}

enum RunDifferences {
    /// For each recipe, the parts in which the recipes differ ("init he", "dense 2 relu ×9"), joined
    /// by "; "; empty strings when all recipes agree or there is only one.
    static func differences(_ recipes: [String]) -> [String] {
        let parts = recipes.map(RecipeParts.init)
        guard parts.count > 1 else { return recipes.map { _ in "" } }
        var out = parts.map { _ in [String]() }
        let layerLists = parts.map(\.layers)
        if Set(layerLists).count > 1 {
            let sameDepth = Set(layerLists.map(\.count)).count == 1
            for (i, layers) in layerLists.enumerated() {
                // Same depth: only the layers at positions where some run differs; else the whole stack.
                let shown = sameDepth
                    ? layers.indices.filter { p in Set(layerLists.map { $0[p] }).count > 1 }.map { layers[$0] }
                    : layers
                out[i].append(compress(shown))
            }
        }
        for key in RecipeParts.order {
            let values = parts.map { $0.settings[key] }
            guard Set(values).count > 1 else { continue }
            for (i, v) in values.enumerated() { out[i].append(v ?? (key == "keep_prob" ? loc(.recipeKeepProbAsBuilt) : "-")) }
        }
        return out.map { $0.joined(separator: "; ") }
    }

    /// "dense 2 relu, dense 2 relu, dense 2 relu" -> "dense 2 relu ×3".
    static func compress(_ layers: [String]) -> String {
        var groups: [(String, Int)] = []
        for l in layers {
            if let last = groups.last, last.0 == l { groups[groups.count - 1].1 += 1 } else { groups.append((l, 1)) }
        }
        return groups.map { $0.1 > 1 ? "\($0.0) ×\($0.1)" : $0.0 }.joined(separator: ", ")
    }
}
