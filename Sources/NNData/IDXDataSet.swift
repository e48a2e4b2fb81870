// IDXDataSet: MNIST-style data sets (four IDX files in one folder) loaded, checked and split.
//
// The four files are found under either spelling (`train-images-idx3-ubyte` as on LeCun's site,
// `train-images.idx3-ubyte` as in many copies), raw or gzipped. They are decoded in parallel
// with their checksums (MD5 against a known table when the set has one, SHA-256 for the
// identity); a verified marker (VerifiedMarker.swift) spares the checksums on later loads.
// Train is split as TensorFlow 1's input_data.read_data_sets did: its FIRST 5,000 training
// images are validation (`validation = train_images[:validation_size]`), the other 55,000 train.
// The position is a field of the spec, so the other convention is one change away.
// This file does not search several folders or fetch anything: see DataCatalog and MNISTFetcher.

import Foundation

/// Known MD5 checksums of a set's files, by role, for raw and gzipped files.
public struct ChecksumTable: Equatable, Sendable {
    public var raw: [String: String]
    public var gzip: [String: String]

    public init(raw: [String: String], gzip: [String: String]) {
        self.raw = raw
        self.gzip = gzip
    }

    /// The MD5 that the file `name` (raw or .gz) of `role` must have, if known.
    public func expected(role: String, name: String) -> String? {
        name.hasSuffix(".gz") ? gzip[role] : raw[role]
    }

    /// MNIST as published by LeCun, Cortes and Burges.
    public static let mnist = ChecksumTable(
        raw: ["train-images": "6bbc9ace898e44ae57da46a324031adb",
              "train-labels": "a25bea736e30d166cdddb491f175f624",
              "test-images": "2646ac647ad5339dbf082846283269ea",
              "test-labels": "27ae3e4e09519cfbb04c329615203637"],
        gzip: ["train-images": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
               "train-labels": "d53e105ee54ea40749a09fcbcd1e9432",
               "test-images": "9fb629c4189551a2d022fa330f9573f3",
               "test-labels": "ec29112dd5afa0611ce80d1b7f02629c"])
}

/// One of the four files of an MNIST-style set.
public struct IDXFileRole: Sendable, Equatable {
    /// "train-images", "train-labels", "test-images" or "test-labels".
    public let role: String
    /// The name on LeCun's site, e.g. "t10k-images-idx3-ubyte".
    public let baseName: String
    public let kind: IDXKind

    /// The names this file may have, in the order they are looked for.
    public var candidateNames: [String] {
        let dotted = baseName.replacingOccurrences(of: "-idx", with: ".idx")
        return [baseName, dotted, baseName + ".gz", dotted + ".gz"]
    }

    /// The four files, in a fixed order (this order is used in identities and messages).
    public static let all: [IDXFileRole] = [
        IDXFileRole(role: "train-images", baseName: "train-images-idx3-ubyte", kind: .images),
        IDXFileRole(role: "train-labels", baseName: "train-labels-idx1-ubyte", kind: .labels),
        IDXFileRole(role: "test-images", baseName: "t10k-images-idx3-ubyte", kind: .images),
        IDXFileRole(role: "test-labels", baseName: "t10k-labels-idx1-ubyte", kind: .labels),
    ]
}

/// Which end of the training file the validation images are taken from.
public enum ValidationHoldout: String, Equatable, Sendable {
    /// The first images (TensorFlow 1's input_data).
    case first
    /// The last images.
    case last
}

/// What makes one MNIST-style data set: names, classes, split and checksums.
public struct IDXSetSpec: Sendable {
    public var name: String
    public var summary: String
    public var classNames: [String]
    /// How many training images form the validation split.
    public var validationCount: Int
    /// Where in the training file they are taken from.
    public var holdout: ValidationHoldout
    /// Checksums the files must match; nil when the set has none to check.
    public var checksums: ChecksumTable?

    public init(name: String, summary: String, classNames: [String], validationCount: Int,
                holdout: ValidationHoldout = .first, checksums: ChecksumTable?) {
        self.holdout = holdout
        self.name = name
        self.summary = summary
        self.classNames = classNames
        self.validationCount = validationCount
        self.checksums = checksums
    }

    public static let mnist = IDXSetSpec(
        name: "mnist", summary: "handwritten digits 0-9, 28x28 grayscale (LeCun, Cortes, Burges)",
        classNames: (0...9).map(String.init), validationCount: 5000, checksums: .mnist)

    public static let fashion = IDXSetSpec(
        name: "fashion", summary: "Fashion-MNIST: Zalando clothing photos, 28x28 grayscale, 10 classes",
        classNames: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                     "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        validationCount: 5000, checksums: nil)
}

/// Loads MNIST-style sets from one folder.
public enum IDXDataSet {
    /// The path found in `folder` for each role, and the roles with no file.
    public static func locate(folder: String) -> (found: [String: String], missing: [IDXFileRole]) {
        var found: [String: String] = [:]
        var missing: [IDXFileRole] = []
        for file in IDXFileRole.all {
            let paths = file.candidateNames.map { (folder as NSString).appendingPathComponent($0) }
            if let hit = paths.first(where: { FileManager.default.fileExists(atPath: $0) && !FileChecks.isFolder($0) }) {
                found[file.role] = hit
            } else {
                missing.append(file)
            }
        }
        return (found, missing)
    }

    /// Reads, checks and splits the set in `folder`. Throws (and returns nothing) if a file is
    /// missing, damaged, inconsistent with the others, or fails its checksum.
    public static func load(folder: String, spec: IDXSetSpec) throws(DataError) -> LoadedDataSet {
        guard FileChecks.isFolder(folder) else {
            throw .missingFolder(path: folder, hint: .idxFolder)
        }
        let (found, missing) = locate(folder: folder)
        if !missing.isEmpty {
            throw .noData(folder: folder, missing: missing.map { $0.baseName + "[.gz]" },
                          hint: .idxFilesNeeded)
        }
        let files = IDXFileRole.all.map { ($0, found[$0.role] ?? "") }

        // What each file still needs checking: MD5 unless the marker vouches for it.
        let marker = spec.checksums == nil ? [:] : VerifiedMarker.read(folder: folder)
        var trusted: [String: VerifiedEntry] = [:]
        if let table = spec.checksums {
            for (file, path) in files {
                let name = (path as NSString).lastPathComponent
                if let md5 = table.expected(role: file.role, name: name),
                   let entry = VerifiedMarker.trusted(name: name, folder: folder, expectedMD5: md5, entries: marker) {
                    trusted[file.role] = entry
                }
            }
        }

        // Decode and checksum all files at once on both cores, the biggest jobs first. MD5 and
        // SHA-256 are separate jobs so they can run side by side.
        enum Outcome: Sendable {
            case decoded(Result<IDXFile, DataError>)
            case md5(Result<String?, DataError>)
            case sha256(Result<String?, DataError>)
        }
        var jobs: [@Sendable () -> (role: String, outcome: Outcome)] = []
        for i in [0, 2, 1, 3] {  // train images, test images, then the small label files
            let (file, path) = files[i]
            let role = file.role
            jobs.append { (role, .decoded(Result { () throws(DataError) in try IDXFile.read(path: path, kind: file.kind) })) }
            if spec.checksums != nil && trusted[role] == nil {
                jobs.append { (role, .md5(Result { () throws(DataError) in try FileDigest.of(path: path, sha256: false).md5 })) }
            }
            if trusted[role] == nil {
                jobs.append { (role, .sha256(Result { () throws(DataError) in try FileDigest.of(path: path, md5: false).sha256 })) }
            }
        }
        var decoded: [String: IDXFile] = [:]
        var digests: [String: (md5: String?, sha256: String?)] = [:]
        var firstError: [String: DataError] = [:]
        // Results come back in job order, so a file's decoding error is seen before its checksum's.
        for (role, outcome) in Parallel.run(jobs) {
            switch outcome {
            case let .decoded(.success(f)): decoded[role] = f
            case let .md5(.success(m)): digests[role, default: (nil, nil)].md5 = m
            case let .sha256(.success(h)): digests[role, default: (nil, nil)].sha256 = h
            case let .decoded(.failure(e)), let .md5(.failure(e)), let .sha256(.failure(e)):
                firstError[role] = firstError[role] ?? e
            }
        }
        for (file, _) in files { if let e = firstError[file.role] { throw e } }
        guard let trainImages = decoded["train-images"], let trainLabels = decoded["train-labels"],
              let testImages = decoded["test-images"], let testLabels = decoded["test-labels"] else {
            throw .unreadable(path: folder, reason: "a file was not decoded")
        }

        // Consistency: counts agree, both image files have one image size, labels in range.
        let path = Dictionary(uniqueKeysWithValues: files.map { ($0.0.role, $0.1) })
        func p(_ role: String) -> String { path[role] ?? role }
        try checkPair(trainImages, p("train-images"), trainLabels, p("train-labels"))
        try checkPair(testImages, p("test-images"), testLabels, p("test-labels"))
        if testImages.dimensions[1...] != trainImages.dimensions[1...] {
            throw .badDimensions(path: p("test-images"), dimensions: testImages.dimensions,
                                 reason: "training images are \(trainImages.dimensions[1])x\(trainImages.dimensions[2])")
        }
        let classCount = spec.classNames.count
        try checkLabels(trainLabels, p("train-labels"), classCount: classCount)
        try checkLabels(testLabels, p("test-labels"), classCount: classCount)
        if trainImages.count <= spec.validationCount {
            throw .badDimensions(path: p("train-images"), dimensions: trainImages.dimensions,
                                 reason: "needs more than \(spec.validationCount) images to hold out a validation split")
        }

        // Checksums last: a damaged file is better described by what is wrong with it.
        var identityFiles: [FileIdentity] = []
        var newlyVerified: [VerifiedEntry] = []
        for (file, filePath) in files {
            let name = (filePath as NSString).lastPathComponent
            let stamp = VerifiedMarker.stamp(filePath)
            if let entry = trusted[file.role] {
                identityFiles.append(FileIdentity(role: file.role, name: name, bytes: entry.bytes, sha256: entry.sha256))
                continue
            }
            let digest = digests[file.role]
            if let table = spec.checksums, let expected = table.expected(role: file.role, name: name) {
                let found = digest?.md5 ?? "(none)"
                if found != expected {
                    // A .gz file is one of many gzip encodings of the same content (another level or
                    // compressor, another timestamp in its header): the decompressed content decides,
                    // against the raw file's MD5.
                    let content = name.hasSuffix(".gz") ? decoded[file.role].map {
                        Digest.md5(IDXFile.encode(kind: file.kind, dimensions: $0.dimensions, payload: $0.bytes))
                    } : nil
                    guard let raw = table.raw[file.role], let content, content == raw else {
                        throw .checksumMismatch(path: filePath, algorithm: "MD5", expected: expected, found: found)
                    }
                }
                if let stamp, let sha = digest?.sha256 {
                    // Recorded as verified against the published MD5 (of the .gz, or of its content).
                    newlyVerified.append(VerifiedEntry(name: name, bytes: stamp.bytes, modified: stamp.modified,
                                                       md5: expected, sha256: sha))
                }
            }
            identityFiles.append(FileIdentity(role: file.role, name: name, bytes: stamp?.bytes ?? -1,
                                              sha256: digest?.sha256 ?? ""))
        }
        if !newlyVerified.isEmpty { VerifiedMarker.record(newlyVerified, folder: folder) }

        // Splits: views of the same bytes.
        let rows = trainImages.dimensions[1], cols = trainImages.dimensions[2]
        let train = ImageData(pixels: trainImages.storage, labels: trainLabels.storage, imageRows: rows,
                              imageCols: cols, classCount: classCount, first: 0, count: trainImages.count)
        let test = ImageData(pixels: testImages.storage, labels: testLabels.storage, imageRows: rows,
                             imageCols: cols, classCount: classCount, first: 0, count: testImages.count)
        let trainCount = train.count - spec.validationCount
        let (trainRange, validationRange) = spec.holdout == .first
            ? (spec.validationCount..<train.count, 0..<spec.validationCount)
            : (0..<trainCount, trainCount..<train.count)
        let identity = DataIdentity(
            name: spec.name,
            parameters: ["split": "\(trainCount)/\(spec.validationCount)/\(test.count)",
                         "validation": "\(spec.holdout.rawValue) \(spec.validationCount) training images"],
            files: identityFiles)
        let info = DataSetInfo(name: spec.name, summary: spec.summary, classNames: spec.classNames,
                               featureShape: [rows, cols], source: folder, identity: identity)
        return LoadedDataSet(info: info, train: train.slice(trainRange),
                             validation: train.slice(validationRange), test: test)
    }

    private static func checkPair(_ images: IDXFile, _ imagesPath: String,
                                  _ labels: IDXFile, _ labelsPath: String) throws(DataError) {
        if images.count != labels.count {
            throw .countMismatch(imagesPath: imagesPath, images: images.count, labelsPath: labelsPath, labels: labels.count)
        }
    }

    private static func checkLabels(_ labels: IDXFile, _ path: String, classCount: Int) throws(DataError) {
        let s = labels.storage
        for i in 0..<s.count where Int(s[i]) >= classCount {
            throw .badLabel(path: path, index: i, value: Int(s[i]), classCount: classCount)
        }
    }
}
