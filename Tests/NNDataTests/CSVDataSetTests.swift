// Tests for CSV tables: header and index label columns, integer and text labels, quoting,
// seeded splits, and every bad cell refused with its line and column.

import Foundation
import NNCore
import Testing
@testable import NNData

@Suite struct CSVDataSetTests {
    /// Ten rows: x1 = i, x2 = i / 2, label = i % 3 (so every row can be recognised).
    func table(header: Bool = true) -> String {
        var lines = header ? ["x1,x2,label"] : []
        for i in 0..<10 { lines.append("\(i),\(decimal(Double(i) / 2)),\(i % 3)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows of a split as (x1, x2, label) triples.
    func rows(_ data: any LabeledData) -> [[Float]] {
        let (x, labels) = data.materialize()
        return (0..<data.count).map { x.row($0) + [Float(labels[$0])] }
    }

    @Test func labelByNameSplitsEveryRowOnceAndKeepsRowsIntact() throws {
        let folder = try TempFolder()
        let path = folder.write("t.csv", text: table())
        let data = try CSVDataSet.load(path: path, options: CSVOptions(label: "label"), generator: SeededGenerator(seed: 1))
        #expect(data.train.count == 8 && data.test.count == 2 && data.validation == nil)
        #expect(data.info.featureShape == [2] && data.info.classNames == ["0", "1", "2"])
        let all = (rows(data.train) + rows(data.test)).sorted { $0[0] < $1[0] }
        let expected: [[Float]] = (0..<10).map { (i: Int) -> [Float] in [Float(i), Float(i) / 2, Float(i % 3)] }
        #expect(all == expected)
        #expect(data.info.identity.parameters["label"] == "label")
        #expect(data.info.identity.files.first?.sha256 == Digest.sha256(Array(table().utf8)))
    }

    @Test func labelByIndexWithoutHeader() throws {
        let folder = try TempFolder()
        let path = folder.write("t.csv", text: table(header: false))
        let data = try CSVDataSet.load(path: path, options: CSVOptions(label: "0", split: SplitFractions(test: 0.2, validation: 0.2)),
                                       generator: SeededGenerator(seed: 1))
        // Column 0 (i) is the label now: 10 classes, features are x2 and i % 3.
        #expect(data.train.count == 6 && data.validation?.count == 2 && data.test.count == 2)
        #expect(data.classCount == 10 && data.featureCount == 2)
        #expect(data.info.identity.parameters["header"] == "no")
    }

    @Test func splitsAreDeterministicPerSeed() throws {
        let folder = try TempFolder()
        let path = folder.write("t.csv", text: table())
        let a = try CSVDataSet.load(path: path, options: CSVOptions(label: "label"), generator: SeededGenerator(seed: 7))
        let b = try CSVDataSet.load(path: path, options: CSVOptions(label: "label"), generator: SeededGenerator(seed: 7))
        let c = try CSVDataSet.load(path: path, options: CSVOptions(label: "label"), generator: SeededGenerator(seed: 8))
        #expect(rows(a.test) == rows(b.test) && rows(a.train) == rows(b.train))
        #expect(a.info.identity == b.info.identity)
        #expect(rows(a.train) != rows(c.train))
        #expect(!a.info.identity.sameData(as: c.info.identity))
    }

    @Test func textLabelsBecomeSortedClasses() throws {
        let folder = try TempFolder()
        let path = folder.write("iris.csv", text: "sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n4.9,1.4,setosa\n")
        let data = try CSVDataSet.load(path: path, options: CSVOptions(label: "species", split: SplitFractions(test: 0, validation: 0)),
                                       generator: SeededGenerator(seed: 1))
        #expect(data.info.classNames == ["setosa", "versicolor", "virginica"])
        #expect(data.train.count == 4 && data.test.count == 4)
        let byFeature = Dictionary(uniqueKeysWithValues: rows(data.train).map { ($0[0], Int($0[2])) })
        #expect(byFeature[6.3] == 2 && byFeature[5.1] == 0 && byFeature[7.0] == 1)
    }

    @Test func quotesCRLFSemicolonsAndGzipAreRead() throws {
        let folder = try TempFolder()
        let text = "\u{FEFF}\"a;1\";b;label\r\n \"1.5\" ; 2;1\r\n\r\n3;\"4\";0\r\n"
        let path = folder.write("q.csv", text: text)
        try Gzip.write(Array(text.utf8), to: folder.path("q.csv.gz"))
        for p in [path, folder.path("q.csv.gz")] {
            let data = try CSVDataSet.load(path: p, options: CSVOptions(label: "label", split: SplitFractions(test: 0, validation: 0)),
                                           generator: SeededGenerator(seed: 1))
            let sorted = rows(data.train).sorted { $0[0] < $1[0] }
            let expected: [[Float]] = [[1.5, 2, 1], [3, 4, 0]]
            #expect(sorted == expected, "\(p)")
        }
        let records = try CSVParser.parse(Array("a,\"say \"\"hi\"\", ok\",c\n".utf8), path: "x")
        #expect(records == [CSVRecord(line: 1, cells: ["a", "say \"hi\", ok", "c"])])
    }

    @Test func aBadCellNamesLineAndColumn() throws {
        let folder = try TempFolder()
        let path = folder.write("bad.csv", text: "x1,x2,label\n1,2,0\n3,4,1\n5,abc,1\n")
        let error = dataError {
            _ = try CSVDataSet.load(path: path, options: CSVOptions(label: "label"), generator: SeededGenerator(seed: 1))
        }
        #expect(error == .csvBadCell(path: path, line: 4, column: 1, columnName: "x2", text: "abc", problem: .notANumber))
        #expect(error?.message == "\(path): line 4, column \"x2\" (index 1): \"abc\" is not a number")
    }

    @Test func otherBadTablesAreRefusedWithTheirPlace() throws {
        let folder = try TempFolder()
        let opts = CSVOptions(label: "y")
        func load(_ text: String) -> DataError? {
            let path = folder.write("t.csv", text: text)
            return dataError { _ = try CSVDataSet.load(path: path, options: opts, generator: SeededGenerator(seed: 1)) }
        }
        let p = folder.path("t.csv")
        #expect(load("x,y\n1,0\n,1\n") == .csvBadCell(path: p, line: 3, column: 0, columnName: "x", text: "", problem: .missingValue))
        #expect(load("x,y\n1,0\n2\n") == .csvRowLength(path: p, line: 3, expected: 2, found: 1))
        #expect(load("x,y\n1,0\n2,-1\n") == .csvBadCell(path: p, line: 3, column: 1, columnName: "y", text: "-1", problem: .negativeLabel))
        #expect(load("x,y\n1,0\n2,0.5\n") == .csvBadCell(path: p, line: 3, column: 1, columnName: "y", text: "0.5", problem: .notIntegerLabel))
        #expect(load("x,y\n1,0\n2,cat\n") == .csvBadCell(path: p, line: 3, column: 1, columnName: "y", text: "cat", problem: .notIntegerLabel))
        #expect(load("x,y\n1,0\n2,inf\n") == .csvBadCell(path: p, line: 3, column: 1, columnName: "y", text: "inf", problem: .notIntegerLabel))
        #expect(load("x,z\n1,0\n") == .csvNoLabelColumn(path: p, column: "y", available: ["x", "z"]))
        #expect(load("x,y\n") == .csvTooFewRows(path: p, rows: 0, problem: .onlyHeader))
        #expect(load("x,y\n1,0\n") == .csvTooFewRows(path: p, rows: 1, problem: .tooFewToSplit(test: 0.2, validation: 0)))
        #expect(load("x,y\n\"1,0\n") == .csvBadCell(path: p, line: 2, column: 0, columnName: nil, text: "1,0\n", problem: .unclosedQuote))
        #expect(load("\n\n") == .emptyFile(path: p))
        #expect(load("") == .emptyFile(path: p))
    }

    @Test func missingFilesAndFoldersAreRefused() throws {
        let folder = try TempFolder()
        let missing = dataError {
            _ = try CSVDataSet.load(path: folder.path("none.csv"), options: CSVOptions(label: "y"), generator: SeededGenerator(seed: 1))
        }
        if case .missingFile(folder.path("none.csv"), _) = missing {} else { Issue.record("got \(String(describing: missing))") }
        let dir = dataError {
            _ = try CSVDataSet.load(path: folder.url.path, options: CSVOptions(label: "y"), generator: SeededGenerator(seed: 1))
        }
        #expect(dir == .notAFile(path: folder.url.path))
        let bad = dataError {
            _ = try CSVDataSet.load(path: folder.path("x"), options: CSVOptions(label: "y", split: SplitFractions(test: 0.6, validation: 0.5)),
                                    generator: SeededGenerator(seed: 1))
        }
        if case .badOption("csv", _, _) = bad {} else { Issue.record("got \(String(describing: bad))") }
    }
}
