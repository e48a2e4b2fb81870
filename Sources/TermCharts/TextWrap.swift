// Wrapping paragraphs to a width measured in terminal columns, so Korean text (two columns per
// syllable, spaces between words) wraps where it should. Lines break at spaces; a word wider than
// the whole line is cut between characters (never inside a wide character or before a combining mark).
//
// Not here: measuring (DisplayWidth.swift). Runs of spaces collapse to one, as in any reflowing text;
// "\n" starts a new paragraph and an empty line stays empty.

import LabKit

extension String {
    /// The text reflowed into lines of at most `width` display columns (a wide character is never
    /// split, so with `width` 1 it stands alone on a two-column line).
    /// `indent` is put before continuation lines (counted in the width), e.g. to hang a list item.
    public func wrapped(to width: Int, indent: String = "") -> [String] {
        let width = max(1, width)
        let indentWidth = indent.displayWidth < width ? indent.displayWidth : 0
        let continuation = indentWidth > 0 ? indent : ""
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.isEmpty { lines.append(""); continue }
            var line = ""
            var lineWidth = 0
            var lineStart = true
            func flush() {
                lines.append(line)
                line = continuation
                lineWidth = indentWidth
                lineStart = true
            }
            for word in words {
                let w = word.displayWidth
                let separator = lineStart ? 0 : 1
                if lineWidth + separator + w <= width {
                    line += lineStart ? word : " " + word
                    lineWidth += separator + w
                    lineStart = false
                    continue
                }
                if !lineStart {
                    flush()
                    if lineWidth + w <= width {
                        line += word
                        lineWidth += w
                        lineStart = false
                        continue
                    }
                }
                // A word longer than a line: fill lines with pieces of it.
                for piece in TerminalText.pieces(of: word) {
                    switch piece {
                    case .escape(let e):
                        line += e
                    case .visible(let c, let cw):
                        if lineWidth + cw > width && !lineStart { flush() }
                        line.append(c)
                        lineWidth += cw
                        lineStart = false
                    }
                }
            }
            if !lineStart { lines.append(line) }
        }
        return lines
    }
}

enum Flow {
    /// Pieces (which may hold escapes and spaces) laid left to right, `separator` between them,
    /// starting a new line when the next piece would pass `width`.
    static func lines(_ pieces: [String], width: Int, separator: String = "   ") -> [String] {
        var lines: [String] = []
        var current = ""
        for piece in pieces {
            if current.isEmpty {
                current = piece
            } else if current.displayWidth + separator.displayWidth + piece.displayWidth <= width {
                current += separator + piece
            } else {
                lines.append(current)
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
