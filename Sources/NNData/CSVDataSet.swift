// CSVDataSet: a user's own table as a data set: numeric feature columns and one label column.
//
// `csv PATH label=COLUMN` names the label column by its header name or by 0-based index. Labels
// are integers >= 0 (class k is label k), or, when no label is a number, text classes numbered
// in sorted order ("setosa" = 0, ...). Every other column is a feature and must be numeric.
// Rows are shuffled from a seed and split (test 0.2 by default). Any bad cell stops the load
// with its line and column; nothing is returned half-read. A .csv.gz file is read through zlib.

import Foundation
import NNCore

/// Options of a CSV data set.
public struct CSVOptions: Equatable, Sendable {
    /// Whether the first row names the columns.
    public enum Header: String, Equatable, Sendable { case auto, yes, no }

    /// The label column: a header name, or a 0-based index.
    public var label: String
    public var split: SplitFractions
    public var header: Header

    public init(label: String, split: SplitFractions = SplitFractions(test: 0.2, validation: 0),
                header: Header = .auto) {
        self.label = label
        self.split = split
        self.header = header
    }
}

public enum CSVDataSet {
    /// Reads the table at `path`, checks every cell, and splits its rows with a generator forked
    /// from `generator`.
    public static func load(path: String, options: CSVOptions,
                            generator: SeededGenerator) throws(DataError) -> LoadedDataSet {
        if let problem = options.split.problem { throw .badOption(dataSet: "csv", option: "test/validation", problem: .split(problem)) }
        let bytes = try Gzip.readAll(path: path)
        var records = try CSVParser.parse(bytes, path: path)
        guard let first = records.first else { throw .emptyFile(path: path) }

        // Header row and label column.
        let width = first.cells.count
        let labelIndexGiven = Int(options.label)
        var hasHeader: Bool
        switch options.header {
        case .yes: hasHeader = true
        case .no: hasHeader = false
        case .auto:
            let featureCells = first.cells.enumerated().filter { $0.offset != labelIndexGiven }.map(\.element)
            hasHeader = labelIndexGiven == nil || featureCells.contains { Float($0) == nil }
        }
        let names: [String]? = hasHeader ? first.cells : nil
        if hasHeader { records.removeFirst() }
        let labelColumn: Int
        if let names, let byName = names.firstIndex(of: options.label) {
            labelColumn = byName
        } else if let index = labelIndexGiven, index >= 0, index < width {
            labelColumn = index
        } else {
            throw .csvNoLabelColumn(path: path, column: options.label,
                                    available: names ?? (0..<width).map { "\($0)" })
        }
        if width < 2 {
            throw .csvTooFewRows(path: path, rows: records.count, problem: .oneColumn)
        }

        // Every row the same length; labels; features.
        for r in records where r.cells.count != width {
            throw .csvRowLength(path: path, line: r.line, expected: width, found: r.cells.count)
        }
        guard !records.isEmpty else {
            throw .csvTooFewRows(path: path, rows: 0, problem: .onlyHeader)
        }
        func columnName(_ c: Int) -> String? { names?[c] }
        let (labels, classNames) = try readLabels(records, column: labelColumn, name: columnName(labelColumn), path: path)

        let featureColumns = (0..<width).filter { $0 != labelColumn }
        let x = Matrix(rows: records.count, cols: featureColumns.count)
        for (r, record) in records.enumerated() {
            for (j, c) in featureColumns.enumerated() {
                let text = record.cells[c]
                guard !text.isEmpty else {
                    throw .csvBadCell(path: path, line: record.line, column: c, columnName: columnName(c),
                                      text: text, problem: .missingValue)
                }
                guard let v = Float(text), v.isFinite else {
                    throw .csvBadCell(path: path, line: record.line, column: c, columnName: columnName(c), text: text,
                                      problem: Float(text) == nil ? .notANumber : .notFinite)
                }
                x[r, j] = v
            }
        }

        // Split.
        let sizes = options.split.sizes(of: records.count)
        if sizes.train < 1 {
            throw .csvTooFewRows(path: path, rows: records.count,
                                 problem: .tooFewToSplit(test: options.split.test, validation: options.split.validation))
        }
        let splitGenerator = generator.fork()
        let table = InMemoryData(features: x, labels: labels, classCount: classNames.count)
        let parts = SplitIndices(count: records.count, fractions: options.split, generator: splitGenerator).apply(to: table)

        // Identity: the file as stored, and everything that shaped the split.
        let digest = try FileDigest.of(path: path, md5: false)
        let fileName = (path as NSString).lastPathComponent
        let labelName = columnName(labelColumn) ?? "#\(labelColumn)"
        let identity = DataIdentity(
            name: "csv",
            parameters: ["label": labelName, "test": decimal(options.split.test),
                         "validation": decimal(options.split.validation), "seed": String(splitGenerator.seed),
                         "header": hasHeader ? "yes" : "no"],
            files: [FileIdentity(role: "table", name: fileName, bytes: FileChecks.fileSize(path) ?? Int64(bytes.count),
                                 sha256: digest.sha256 ?? "")])
        let info = DataSetInfo(
            name: "csv",
            summary: "\(fileName): \(records.count) rows, \(featureColumns.count) numeric features, label column \(labelName)",
            classNames: classNames, featureShape: [featureColumns.count], source: path, identity: identity)
        return LoadedDataSet(info: info, train: parts.train, validation: parts.validation, test: parts.test)
    }

    /// Integer labels (classes 0...max) or, when no label cell is a number, sorted text classes.
    private static func readLabels(_ records: [CSVRecord], column: Int, name: String?,
                                   path: String) throws(DataError) -> ([Int32], [String]) {
        let cells = records.map { $0.cells[column] }
        if !cells.contains(where: { Double($0) != nil }) {
            if let blank = records.first(where: { $0.cells[column].isEmpty }) {
                throw .csvBadCell(path: path, line: blank.line, column: column, columnName: name, text: "",
                                  problem: .emptyLabel)
            }
            let classes = Array(Set(cells)).sorted()
            let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($0.element, Int32($0.offset)) })
            return (cells.map { index[$0] ?? 0 }, classes)
        }
        var labels: [Int32] = []
        labels.reserveCapacity(cells.count)
        for record in records {
            let text = record.cells[column]
            // "3" and "3.0" are class 3; "3.5", "-1", "abc" are not classes.
            guard let value = Double(text), value == value.rounded(), value.isFinite else {
                throw .csvBadCell(path: path, line: record.line, column: column, columnName: name, text: text,
                                  problem: .notIntegerLabel)
            }
            guard value >= 0, value < 100_000 else {
                throw .csvBadCell(path: path, line: record.line, column: column, columnName: name, text: text,
                                  problem: value < 0 ? .negativeLabel : .labelTooLarge)
            }
            labels.append(Int32(value))
        }
        let classCount = Int(labels.max() ?? 0) + 1
        return (labels, (0..<classCount).map(String.init))
    }
}
