// CSVTable: quoting rules, number formatting, exact output, and Python's csv module reading it back.

import Foundation
import Testing
import TestProcess
@testable import NNFormats

@Suite struct CSVTableTests {
    @Test func quotingRules() {
        #expect(CSVTable.quoted("relu") == "relu")
        #expect(CSVTable.quoted("") == "")
        #expect(CSVTable.quoted("a,b") == "\"a,b\"")
        #expect(CSVTable.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.quoted("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(CSVTable.quoted(" padded") == "\" padded\"")
        #expect(CSVTable.quoted("padded\t") == "\"padded\t\"")
        #expect(CSVTable.quoted("in side") == "in side")
        #expect(CSVTable.quoted("한국어") == "한국어")
    }

    @Test func numbersUseTheirShortestExactForm() {
        #expect(CSVTable.Cell.float(0.1).field == "0.1")
        #expect(CSVTable.Cell.double(0.2113).field == "0.2113")
        #expect(CSVTable.Cell.float(1e-5).field == "1e-05")
        #expect(CSVTable.Cell.integer(-42).field == "-42")
        #expect(CSVTable.Cell.float(.nan).field == "nan")
        #expect(CSVTable.Cell.double(.infinity).field == "inf")
        #expect(CSVTable.Cell.float(-.infinity).field == "-inf")
        #expect(CSVTable.Cell.empty.field == "")
    }

    @Test func tableText() {
        var table = CSVTable(columns: ["run", "epoch", "cost", "note"])
        table.addRow(["relu", 1, 0.5, .empty])
        table.addRow([.text("sigmoid, 10 layers"), .integer(2), .float(0.25), "stuck at \"0.5\""])
        #expect(table.text == """
            run,epoch,cost,note
            relu,1,0.5,
            "sigmoid, 10 layers",2,0.25,"stuck at ""0.5\"\"\"

            """)
    }

    @Test func writesAtomically() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("metrics.csv")
        var table = CSVTable(columns: ["a"])
        table.addRow([1])
        try table.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "a\n1\n")
    }

    @Test(.enabled(if: Python.hasPython, "python3 is not available"))
    func pythonsCSVReaderGetsTheSameCells() throws {
        let cells: [[String]] = [["plain", "with,comma", "with \"quotes\""],
                                 ["multi\nline", " lead", "trail "],
                                 ["", "한국어", "a\r\nb"]]
        var table = CSVTable(columns: ["x", "y", "z"])
        for row in cells { table.addRow(row.map { .text($0) }) }
        let url = try makeTemporaryFolder().appendingPathComponent("t.csv")
        try table.write(to: url)

        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            print("RESULT " + json.dumps(list(csv.reader(f))))
        """
        let (status, output) = try runPython(script, [url.path])
        #expect(status == 0, "python3 failed:\n\(output)")
        #expect(try pythonResult(output, as: [[String]].self) == [["x", "y", "z"]] + cells)
    }
}
