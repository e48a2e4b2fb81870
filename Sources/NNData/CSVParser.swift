// CSVParser: splits CSV text into records of cells, remembering each record's line number.
//
// RFC 4180 in practice: a cell may be quoted ("a, b"), a quote inside quotes is doubled (""),
// lines end in \n or \r\n, blank lines are skipped, cells are trimmed of surrounding spaces.
// The delimiter is the comma unless the first line has more tabs or semicolons. This file
// turns bytes into strings; what the cells mean is decided by CSVDataSet.

/// One CSV record: its cells and the 1-based line it starts on.
struct CSVRecord: Equatable {
    var line: Int
    var cells: [String]
}

enum CSVParser {
    /// Parses `bytes` (UTF-8, with or without a byte-order mark) into records.
    static func parse(_ bytes: [UInt8], path: String) throws(DataError) -> [CSVRecord] {
        var start = 0
        if bytes.starts(with: [0xef, 0xbb, 0xbf]) { start = 3 }
        let delimiter = guessDelimiter(bytes, from: start)
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        var records: [CSVRecord] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false, quoteLine = 1
        var i = start

        func endCell() {
            let text = String(decoding: cell, as: UTF8.self)
            cells.append(wasQuoted ? text : trimmed(text))
            cell.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endCell()
            // A blank line is one empty cell: skip it.
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(CSVRecord(line: recordLine, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote { cell.append(quote); i += 1 } else { inQuotes = false }
                } else {
                    if b == newline { line += 1 }
                    cell.append(b)
                }
            } else if b == quote && cell.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                cell.removeAll(keepingCapacity: true)
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            } else if b == delimiter {
                endCell()
            } else if b == newline {
                endRecord()
                line += 1
                recordLine = line
            } else if b == cr && i + 1 < bytes.count && bytes[i + 1] == newline {
                // \r\n: the \n ends the record.
            } else if !(wasQuoted && b == UInt8(ascii: " ")) {
                cell.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw .csvBadCell(path: path, line: quoteLine, column: cells.count, columnName: nil,
                              text: String(decoding: cell.prefix(20), as: UTF8.self),
                              problem: .unclosedQuote)
        }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// Comma, unless the first line holds more tabs or semicolons than commas.
    static func guessDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: ";"): 0]
        var i = start
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") {
            if counts[bytes[i]] != nil { counts[bytes[i], default: 0] += 1 }
            i += 1
        }
        let comma = counts[UInt8(ascii: ",")] ?? 0
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }
        guard let best, best.value > comma else { return UInt8(ascii: ",") }
        return best.key
    }

    private static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c == " " || c == "\t" { sub = sub.dropFirst() }
        while let c = sub.last, c == " " || c == "\t" { sub = sub.dropLast() }
        return String(sub)
    }
}
