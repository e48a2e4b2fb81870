// Helpers shared by the NNData tests: a temporary folder that cleans itself up, and builders
// for small IDX data sets written raw or gzipped.

import Foundation
import Testing
@testable import NNData

/// A fresh folder under the system temp folder, removed when the value goes away.
final class TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("nndata-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = path(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    /// Writes `text` (UTF-8) to `name` and returns its path.
    @discardableResult
    func write(_ name: String, text: String) -> String { write(name, Array(text.utf8)) }

    /// Names of the files in the folder (sorted, including hidden ones).
    var fileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }
}

/// A small MNIST-style set written to a folder: known pixels and labels to compare against.
struct SmallIDXSet {
    let rows = 4, cols = 3
    let trainCount: Int, testCount: Int
    let trainPixels: [UInt8], trainLabels: [UInt8]
    let testPixels: [UInt8], testLabels: [UInt8]

    /// Pixel j of image i is a different byte for every (i, j), covering 0 and 255.
    init(trainCount: Int = 30, testCount: Int = 10, classCount: Int = 10) {
        self.trainCount = trainCount
        self.testCount = testCount
        let size = rows * cols
        func pixels(_ n: Int, salt: Int) -> [UInt8] {
            (0..<n * size).map { k in k % 17 == 0 ? 255 : UInt8(truncatingIfNeeded: k &* 31 &+ salt) }
        }
        trainPixels = pixels(trainCount, salt: 3)
        testPixels = pixels(testCount, salt: 101)
        trainLabels = (0..<trainCount).map { UInt8(($0 * 7 + 1) % classCount) }
        testLabels = (0..<testCount).map { UInt8(($0 * 3 + 2) % classCount) }
    }

    func imagesFile(_ pixels: [UInt8], count: Int) -> [UInt8] {
        IDXFile.encode(kind: .images, dimensions: [count, rows, cols], payload: pixels)
    }

    func labelsFile(_ labels: [UInt8]) -> [UInt8] {
        IDXFile.encode(kind: .labels, dimensions: [labels.count], payload: labels)
    }

    /// The four files' bytes by role (raw).
    var files: [String: [UInt8]] {
        ["train-images": imagesFile(trainPixels, count: trainCount),
         "train-labels": labelsFile(trainLabels),
         "test-images": imagesFile(testPixels, count: testCount),
         "test-labels": labelsFile(testLabels)]
    }

    /// Writes the four files into `folder` under `spelling` (0: train-images-idx3-ubyte,
    /// 1: train-images.idx3-ubyte), gzipped when `gzip`. Returns the paths by role.
    @discardableResult
    func write(to folder: TempFolder, spelling: Int = 0, gzip: Bool = false) throws -> [String: String] {
        var paths: [String: String] = [:]
        for role in IDXFileRole.all {
            let name = role.candidateNames[spelling] + (gzip ? ".gz" : "")
            let bytes = files[role.role] ?? []
            if gzip {
                try Gzip.write(bytes, to: folder.path(name))
                paths[role.role] = folder.path(name)
            } else {
                paths[role.role] = folder.write(name, bytes)
            }
        }
        return paths
    }

    /// A spec for this set: no checksums unless given, `validation` held out.
    func spec(validation: Int = 5, holdout: ValidationHoldout = .first, checksums: ChecksumTable? = nil) -> IDXSetSpec {
        IDXSetSpec(name: "small", summary: "test set", classNames: (0..<10).map { "c\($0)" },
                   validationCount: validation, holdout: holdout, checksums: checksums)
    }

    /// The MD5 table of this set's raw and gzipped files (gzip bytes as written by `write`).
    func checksums(gzipFolder: TempFolder? = nil) throws -> ChecksumTable {
        var raw: [String: String] = [:], gz: [String: String] = [:]
        for role in IDXFileRole.all {
            raw[role.role] = Digest.md5(files[role.role] ?? [])
            if let gzipFolder {
                gz[role.role] = try FileDigest.of(path: gzipFolder.path(role.baseName + ".gz"), sha256: false).md5
            }
        }
        return ChecksumTable(raw: raw, gzip: gz)
    }
}

/// Expects `body` to throw a DataError and returns it (nil, recorded as a failure, otherwise).
func dataError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> DataError? {
    do {
        try body()
        Issue.record("expected a DataError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as DataError {
        return error
    } catch {
        Issue.record("expected a DataError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
