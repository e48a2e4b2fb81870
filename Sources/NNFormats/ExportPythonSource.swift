// ExportPythonSource: small helpers for writing Python source text: string literals, numbers,
// identifiers that cannot clash, shell words for "how to run" lines, and docstring-safe text.
// It knows nothing about models; the exporters use it so that any name or path a learner typed
// ends up as valid, correctly quoted Python.

import Foundation

enum PythonSource {
    /// Python's reserved words (plus the soft keywords and constants one should not shadow).
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
        "yield", "match", "case", "type", "print", "len", "range", "list", "dict", "set", "sum", "max",
        "min", "open", "input", "id", "object", "super", "self",
    ]

    /// `text` as a double-quoted Python string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A Float as a Python number in its shortest exact form: 0.001, 1e-07, 0.5, 2.0.
    static func number(_ x: Float) -> String {
        precondition(x.isFinite, "PythonSource.number: \(x) is not finite")
        return x.description
    }

    /// 1 - keep as a short decimal (0.3 for keep 0.7, not 0.30000001): the keep_prob as typed
    /// is the Float's shortest form, so the subtraction is done in decimal on that text.
    static func dropRate(keep: Float) -> String {
        guard let decimal = Decimal(string: keep.description) else { return number(1 - keep) }
        let rate = NSDecimalNumber(decimal: 1 - decimal).stringValue
        return rate.contains(".") || rate.contains("e") ? rate : rate + ".0"
    }

    /// A tuple literal: (784, 512), or (10,) for one element.
    static func tuple(_ values: [Int]) -> String {
        values.count == 1 ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    /// `text` made into a Python identifier (letters, digits, underscores; not a keyword).
    static func identifier(_ text: String) -> String {
        var out = String(text.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return (c.isASCII && (c.isLetter || c.isNumber)) || c == "_" ? c : "_"
        })
        if out.isEmpty || out.first?.isNumber == true { out = "n_" + out }
        if keywords.contains(out) { out += "_" }
        return out
    }

    /// Identifiers for `names`, unique among themselves and not in `taken` (the script's own
    /// names: np, keras, inputs...). A clash gets a suffix: dense1 -> dense1_ -> dense1_2.
    static func identifiers(for names: [String], avoiding taken: Set<String>) -> [String] {
        var used = taken
        return names.map { name in
            var candidate = identifier(name)
            if used.contains(candidate) {
                var n = 2
                let base = candidate
                candidate = base + "_"
                while used.contains(candidate) { candidate = "\(base)_\(n)"; n += 1 }
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// A file path as an argparse default: an absolute path as it is; a relative one joined to the
    /// script's own folder, so the script finds its files from whatever folder it is run in.
    static func pathDefault(_ path: String) -> String {
        path.hasPrefix("/") ? string(path) : "os.path.join(os.path.dirname(os.path.abspath(__file__)), \(string(path)))"
    }

    /// `text` as one word on a POSIX shell command line (single-quoted when it needs to be).
    static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || "-_./:=+,@%".unicodeScalars.contains($0)
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `text` safe inside a """docstring""": backslashes doubled, quotes escaped, one line.
    static func docText(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    /// `head(arg, arg, ...)tail` on one line when it fits in `width` columns, otherwise wrapped
    /// after commas with the continuation lines aligned under the first argument.
    static func call(_ head: String, _ arguments: [String], tail: String = "", indent: Int,
                     width: Int = ExportScript.width) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let single = pad + head + "(" + arguments.joined(separator: ", ") + ")" + tail
        guard single.count > width, arguments.count > 1 else { return [single] }
        let hang = String(repeating: " ", count: indent + head.count + 1)
        var lines: [String] = []
        var current = pad + head + "("
        for (i, argument) in arguments.enumerated() {
            let piece = argument + (i == arguments.count - 1 ? ")" + tail : ",")
            let atStart = current == pad + head + "(" || current == hang
            if !atStart && current.count + 1 + piece.count > width {
                lines.append(current)
                current = hang + piece
            } else {
                current += (atStart ? "" : " ") + piece
            }
        }
        lines.append(current)
        return lines
    }

    /// `text` broken into lines of at most `width` columns (words never split), each indented.
    static func wrap(_ text: String, indent: Int, width: Int = ExportScript.width) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && pad.count + current.count + 1 + word.count > width {
                lines.append(pad + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(pad + current) }
        return lines
    }

    /// Lines padded into aligned columns (two spaces between columns), trailing spaces removed.
    static func columns(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { c in
            rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
