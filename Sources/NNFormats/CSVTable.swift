// CSVTable: a tidy table (one row per observation, one column per variable) written as CSV.
//
// Quoting follows RFC 4180: a field is wrapped in double quotes when it holds a comma, a double
// quote, a line break, or leading/trailing white space (which some readers would trim), and quotes
// inside are doubled. Lines end in "\n", not the RFC's "\r\n": pandas, R, spreadsheets and Python's
// csv module all read both, and "\n" keeps the file friendly to grep and diff.
// Numbers are written in their shortest exact form (Float 0.1 as "0.1", not 0.100000001);
// NaN and infinities as "nan", "inf", "-inf", which pandas and R read back as numbers.

import Foundation
import LabKit

/// A table with fixed columns, built row by row and rendered or atomically written as CSV.
public struct CSVTable: Sendable {
    /// One cell: text, an integer, or a number.
    public enum Cell: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
        ExpressibleByFloatLiteral {
        case text(String)
        case integer(Int)
        case double(Double)
        case float(Float)
        /// A missing value (an empty field).
        case empty

        public init(stringLiteral value: String) { self = .text(value) }
        public init(integerLiteral value: Int) { self = .integer(value) }
        public init(floatLiteral value: Double) { self = .double(value) }

        /// The cell as it appears in the file, quoted if needed.
        public var field: String {
            switch self {
            case .text(let text): CSVTable.quoted(text)
            case .integer(let n): String(n)
            case .double(let x): x.isFinite ? x.description : nonFinite(x.isNaN, x < 0)
            case .float(let x): x.isFinite ? x.description : nonFinite(x.isNaN, x < 0)
            case .empty: ""
            }
        }

        private func nonFinite(_ isNaN: Bool, _ negative: Bool) -> String {
            isNaN ? "nan" : negative ? "-inf" : "inf"
        }
    }

    /// The column names.
    public let columns: [String]
    /// The rows added so far.
    public private(set) var rows: [[Cell]] = []

    /// An empty table with these columns.
    public init(columns: [String]) {
        self.columns = columns
    }

    /// Adds a row; it must have one cell per column.
    public mutating func addRow(_ cells: [Cell]) {
        precondition(cells.count == columns.count,
                     "CSVTable.addRow: \(cells.count) cells for \(columns.count) columns \(columns)")
        rows.append(cells)
    }

    /// The whole table as CSV text: the header line, then one line per row, each ending in "\n".
    public var text: String {
        var out = columns.map(CSVTable.quoted).joined(separator: ",") + "\n"
        for row in rows {
            out += row.map(\.field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes the table to `url` atomically.
    public func write(to url: URL) throws(FileWriteError) {
        try AtomicFile.write(text, to: url)
    }

    /// `text` as one CSV field: quoted when it holds `,` `"` CR LF or leading/trailing white space.
    public static func quoted(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
