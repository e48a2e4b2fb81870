// Shared helpers for the TermCharts tests, and the gallery: every chart rendered once in plain text
// and once in colour, written to $TERMCHARTS_PREVIEW_DIR when that is set so a person can look at them.

import Foundation
import Testing
@testable import TermCharts
import LabKit

/// Writes `text` to the preview folder if TERMCHARTS_PREVIEW_DIR is set.
func preview(_ name: String, _ text: String) {
    guard let dir = ProcessInfo.processInfo.environment["TERMCHARTS_PREVIEW_DIR"] else { return }
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try? (text + "\n").write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
}

/// Every line of `text` is `width` columns wide.
func allLines(_ text: String, haveWidth width: Int) -> Bool {
    text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { String($0).displayWidth == width }
}

let colour256 = Style(colors: .palette256, width: 72)
let colour16 = Style(colors: .basic16, width: 72)
let plain72 = Style(colors: .none, width: 72)

/// True when the line holds a braille cell with at least one dot.
func hasBraille(_ line: String) -> Bool {
    line.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
}
