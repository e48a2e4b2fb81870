// Tests for the IDX reader and its zlib layer: raw and gzip round trips, and every kind of
// broken file refused with a message that names the file and the problem.

import Foundation
import Testing
@testable import NNData

@Suite struct IDXFileTests {
    let set = SmallIDXSet()

    @Test func rawImagesAndLabelsRoundTrip() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder)
        let images = try IDXFile.read(path: paths["train-images"]!, kind: .images)
        #expect(images.dimensions == [30, 4, 3])
        #expect(images.bytes == set.trainPixels)
        let labels = try IDXFile.read(path: paths["train-labels"]!, kind: .labels)
        #expect(labels.dimensions == [30])
        #expect(labels.bytes == set.trainLabels)
    }

    @Test func gzipImagesAndLabelsRoundTrip() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder, gzip: true)
        // The file on disk really is gzip (magic 1f 8b), not a raw copy.
        let stored = try Data(contentsOf: URL(fileURLWithPath: paths["test-images"]!))
        #expect(Array(stored.prefix(2)) == [0x1f, 0x8b])
        let images = try IDXFile.read(path: paths["test-images"]!, kind: .images)
        #expect(images.dimensions == [10, 4, 3])
        #expect(images.bytes == set.testPixels)
        let labels = try IDXFile.read(path: paths["test-labels"]!, kind: .labels)
        #expect(labels.bytes == set.testLabels)
    }

    @Test func gzipReadAllAndDecompressAgreeWithTheOriginal() throws {
        let folder = try TempFolder()
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 / 7) }
        try Gzip.write(bytes, to: folder.path("x.gz"))
        #expect(try Gzip.readAll(path: folder.path("x.gz")) == bytes)
        try Gzip.decompress(folder.path("x.gz"), to: folder.path("x"))
        #expect(Array(try Data(contentsOf: folder.url.appendingPathComponent("x"))) == bytes)
        // A raw file reads as it is.
        folder.write("raw", bytes)
        #expect(try Gzip.readAll(path: folder.path("raw")) == bytes)
    }

    @Test func wrongMagicNamesTheFileBothNumbersAndASwapHint() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder)
        let error = dataError { _ = try IDXFile.read(path: paths["train-labels"]!, kind: .images) }
        #expect(error == .badMagic(path: paths["train-labels"]!, found: 0x801, expected: 0x803))
        #expect(error?.message.contains("train-labels-idx1-ubyte") == true)
        #expect(error?.message.contains("0x00000801") == true)
        #expect(error?.message.contains("expected 0x00000803") == true)
        #expect(error?.hint.contains("swapped") == true)

        let text = folder.write("notes.txt", text: "hello, this is not IDX")
        let other = dataError { _ = try IDXFile.read(path: text, kind: .labels) }
        #expect(other == .badMagic(path: text, found: 0x6865_6c6c, expected: 0x801))
    }

    @Test func truncatedPayloadSaysHowMuchIsMissing() throws {
        let folder = try TempFolder()
        let full = set.imagesFile(set.trainPixels, count: 30)
        let path = folder.write("cut-idx3-ubyte", Array(full.dropLast(100)))
        let error = dataError { _ = try IDXFile.read(path: path, kind: .images) }
        #expect(error == .truncated(path: path, expectedBytes: 360, foundBytes: 260))
        #expect(error?.message.contains("360") == true && error?.message.contains(path) == true)
    }

    @Test func truncatedHeaderIsRefused() throws {
        let folder = try TempFolder()
        let path = folder.write("short", [0, 0, 8, 3, 0, 0])
        #expect(dataError { _ = try IDXFile.read(path: path, kind: .images) }
                == .truncated(path: path, expectedBytes: 8, foundBytes: 6))
    }

    @Test func extraBytesAfterTheDataAreRefused() throws {
        let folder = try TempFolder()
        let path = folder.write("long", set.labelsFile(set.trainLabels) + [1, 2, 3])
        #expect(dataError { _ = try IDXFile.read(path: path, kind: .labels) } == .trailingBytes(path: path, extra: 3))
    }

    @Test func zeroOrHugeSizesAreRefused() throws {
        let folder = try TempFolder()
        let zero = folder.write("zero", IDXFile.encode(kind: .images, dimensions: [0, 28, 28], payload: []))
        #expect(dataError { _ = try IDXFile.read(path: zero, kind: .images) }
                == .badDimensions(path: zero, dimensions: [0, 28, 28], reason: "a size is zero"))
        // 4 billion images of 28x28 would be 3 TB: refused before allocating anything.
        var header: [UInt8] = [0, 0, 8, 3, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 28, 0, 0, 0, 28]
        header += [0, 0]
        let huge = folder.write("huge", header)
        let error = dataError { _ = try IDXFile.read(path: huge, kind: .images) }
        if case .badDimensions = error {} else { Issue.record("expected badDimensions, got \(String(describing: error))") }
    }

    @Test func truncatedGzipIsRefusedAsCorrupt() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder, gzip: true)
        let gz = try Data(contentsOf: URL(fileURLWithPath: paths["train-images"]!))
        let path = folder.write("half.gz", Array(gz.prefix(gz.count / 2)))
        let error = dataError { _ = try IDXFile.read(path: path, kind: .images) }
        #expect(error == .corruptGzip(path: path, reason: "the compressed data ends early"))
        // Cut only the 8-byte trailer (CRC and size): the data is all there but unchecked.
        let noTrailer = folder.write("notrailer.gz", Array(gz.dropLast(8)))
        #expect(dataError { _ = try IDXFile.read(path: noTrailer, kind: .images) }
                == .corruptGzip(path: noTrailer, reason: "the compressed data ends early"))
    }

    @Test func damagedGzipDataOrChecksumIsRefused() throws {
        let folder = try TempFolder()
        let bytes = set.imagesFile(set.trainPixels, count: 30)
        try Gzip.write(bytes, to: folder.path("ok.gz"), level: 0)
        var gz = Array(try Data(contentsOf: folder.url.appendingPathComponent("ok.gz")))
        // Flip a stored payload byte: the data inflates but its CRC-32 no longer matches.
        gz[gz.count - 20] ^= 0xff
        let badCRC = folder.write("badcrc.gz", gz)
        let crcError = dataError { _ = try IDXFile.read(path: badCRC, kind: .images) }
        if case let .corruptGzip(p, reason) = crcError {
            #expect(p == badCRC && reason.contains("check"))
        } else { Issue.record("expected corruptGzip, got \(String(describing: crcError))") }

        // Garbage after a valid gzip header: an invalid deflate block.
        var header = Array(gz.prefix(10))
        header += [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
        let garbage = folder.write("garbage.gz", header)
        let error = dataError { _ = try IDXFile.read(path: garbage, kind: .images) }
        if case .corruptGzip(garbage, _) = error {} else { Issue.record("expected corruptGzip, got \(String(describing: error))") }
        #expect(error?.message.contains("garbage.gz") == true)
    }

    @Test func emptyMissingAndFolderPathsAreRefused() throws {
        let folder = try TempFolder()
        let empty = folder.write("empty", [])
        #expect(dataError { _ = try IDXFile.read(path: empty, kind: .labels) } == .emptyFile(path: empty))
        try Gzip.write([], to: folder.path("empty.gz"))
        #expect(dataError { _ = try IDXFile.read(path: folder.path("empty.gz"), kind: .labels) }
                == .emptyFile(path: folder.path("empty.gz")))
        let missing = dataError { _ = try IDXFile.read(path: folder.path("nope"), kind: .labels) }
        if case .missingFile(folder.path("nope"), _) = missing {} else { Issue.record("got \(String(describing: missing))") }
        let dir = dataError { _ = try IDXFile.read(path: folder.url.path, kind: .labels) }
        #expect(dir == .notAFile(path: folder.url.path))
    }
}
