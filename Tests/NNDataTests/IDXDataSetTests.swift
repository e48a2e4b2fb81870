// Tests for loading MNIST-style folders: splits, spellings, consistency checks, checksums and
// the verified marker that spares checksumming on later loads.

import Foundation
import NNCore
import Testing
@testable import NNData

@Suite struct IDXDataSetTests {
    let set = SmallIDXSet()

    @Test func loadsAndHoldsOutTheFirstTrainingImagesAsTensorFlowOneDid() throws {
        let folder = try TempFolder()
        try set.write(to: folder)
        let data = try IDXDataSet.load(folder: folder.url.path, spec: set.spec(validation: 5))
        #expect(data.train.count == 25 && data.validation?.count == 5 && data.test.count == 10)
        #expect(data.splitSummary == "25 train / 5 validation / 10 test")
        #expect(data.info.featureShape == [4, 3] && data.featureCount == 12 && data.classCount == 10)
        let train = try #require(data.train as? ImageData)
        let validation = try #require(data.validation as? ImageData)
        // Validation is file images 0..<5; training starts at file image 5.
        #expect(validation.image(0) == Array(set.trainPixels[0..<12]))
        #expect(validation.label(4) == Int(set.trainLabels[4]))
        #expect(train.image(0) == Array(set.trainPixels[5 * 12..<6 * 12]))
        #expect(train.label(24) == Int(set.trainLabels[29]))
        #expect((0..<10).map { data.test.label($0) } == set.testLabels.map(Int.init))
        #expect(data.info.identity.parameters["split"] == "25/5/10")
        #expect(data.info.identity.parameters["validation"] == "first 5 training images")
        #expect(data.info.identity.files.map(\.role) == ["train-images", "train-labels", "test-images", "test-labels"])
        #expect(data.info.identity.files[0].sha256 == Digest.sha256(set.files["train-images"]!))
        #expect(data.info.identity.files[0].bytes == Int64(set.files["train-images"]!.count))
    }

    @Test func canHoldOutTheLastTrainingImagesInstead() throws {
        let folder = try TempFolder()
        try set.write(to: folder)
        let data = try IDXDataSet.load(folder: folder.url.path, spec: set.spec(validation: 5, holdout: .last))
        let train = try #require(data.train as? ImageData)
        let validation = try #require(data.validation as? ImageData)
        #expect(train.image(0) == Array(set.trainPixels[0..<12]) && train.count == 25)
        #expect(validation.image(0) == Array(set.trainPixels[25 * 12..<26 * 12]))
        #expect(validation.label(4) == Int(set.trainLabels[29]))
        #expect(data.info.identity.parameters["validation"] == "last 5 training images")
    }

    @Test func acceptsBothSpellingsRawOrGzipped() throws {
        for (spelling, gzip) in [(0, false), (1, false), (0, true), (1, true)] {
            let folder = try TempFolder()
            try set.write(to: folder, spelling: spelling, gzip: gzip)
            let data = try IDXDataSet.load(folder: folder.url.path, spec: set.spec())
            #expect(data.train.count == 25, "spelling \(spelling) gzip \(gzip)")
            let name = data.info.identity.files[0].name
            #expect(name == IDXFileRole.all[0].candidateNames[spelling] + (gzip ? ".gz" : ""))
        }
    }

    @Test func aMissingFileIsNamedAndNothingLoads() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder)
        try FileManager.default.removeItem(atPath: paths["test-labels"]!)
        let error = dataError { _ = try IDXDataSet.load(folder: folder.url.path, spec: set.spec()) }
        #expect(error == .noData(folder: folder.url.path, missing: ["t10k-labels-idx1-ubyte[.gz]"],
                                 hint: .idxFilesNeeded))
        let noFolder = dataError { _ = try IDXDataSet.load(folder: folder.path("absent"), spec: set.spec()) }
        if case .missingFolder(folder.path("absent"), _) = noFolder {} else { Issue.record("got \(String(describing: noFolder))") }
    }

    @Test func imageAndLabelCountsMustAgree() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder)
        folder.write("t10k-labels-idx1-ubyte", set.labelsFile(Array(set.testLabels.prefix(9))))
        let error = dataError { _ = try IDXDataSet.load(folder: folder.url.path, spec: set.spec()) }
        #expect(error == .countMismatch(imagesPath: paths["test-images"]!, images: 10,
                                        labelsPath: paths["test-labels"]!, labels: 9))
        #expect(error?.message.contains("holds 10 images") == true && error?.message.contains("9 labels") == true)
    }

    @Test func labelsOutsideTheClassesAreRefused() throws {
        let folder = try TempFolder()
        var labels = set.trainLabels
        labels[7] = 12
        try set.write(to: folder)
        let path = folder.write("train-labels-idx1-ubyte", set.labelsFile(labels))
        #expect(dataError { _ = try IDXDataSet.load(folder: folder.url.path, spec: set.spec()) }
                == .badLabel(path: path, index: 7, value: 12, classCount: 10))
    }

    @Test func testImagesMustHaveTheTrainingImageSize() throws {
        let folder = try TempFolder()
        try set.write(to: folder)
        let path = folder.write("t10k-images-idx3-ubyte",
                                IDXFile.encode(kind: .images, dimensions: [10, 3, 4], payload: set.testPixels))
        let error = dataError { _ = try IDXDataSet.load(folder: folder.url.path, spec: set.spec()) }
        #expect(error == .badDimensions(path: path, dimensions: [10, 3, 4], reason: "training images are 4x3"))
    }

    @Test func aDamagedFileIsReportedEvenWhenOthersAreFine() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder, gzip: true)
        let gz = try Data(contentsOf: URL(fileURLWithPath: paths["train-images"]!))
        folder.write((paths["train-images"]! as NSString).lastPathComponent, Array(gz.prefix(gz.count - 30)))
        let error = dataError { _ = try IDXDataSet.load(folder: folder.url.path, spec: set.spec()) }
        #expect(error == .corruptGzip(path: paths["train-images"]!, reason: "the compressed data ends early"))
    }

    @Test func checksumsAreCheckedThenRememberedInTheMarker() throws {
        let folder = try TempFolder()
        try set.write(to: folder)
        let table = try set.checksums()
        let first = try IDXDataSet.load(folder: folder.url.path, spec: set.spec(checksums: table))
        #expect(folder.fileNames.contains(VerifiedMarker.fileName))
        let marker = VerifiedMarker.read(folder: folder.url.path)
        #expect(marker["train-images-idx3-ubyte"]?.md5 == table.raw["train-images"])
        #expect(marker["train-images-idx3-ubyte"]?.sha256 == first.info.identity.files[0].sha256)

        // Later loads take the SHA-256 from the marker instead of hashing: prove it by planting
        // a recognisable value in the marker.
        var entry = try #require(marker["train-labels-idx1-ubyte"])
        entry.sha256 = "planted"
        VerifiedMarker.record([entry], folder: folder.url.path)
        let second = try IDXDataSet.load(folder: folder.url.path, spec: set.spec(checksums: table))
        #expect(second.info.identity.files[1].sha256 == "planted")
    }

    @Test func aChangedFileIsCheckedAgainAndRefused() throws {
        let folder = try TempFolder()
        let paths = try set.write(to: folder)
        let table = try set.checksums()
        _ = try IDXDataSet.load(folder: folder.url.path, spec: set.spec(checksums: table))
        // Same size, different pixels, newer time: the marker no longer vouches for it.
        var pixels = set.trainPixels
        pixels[5] ^= 1
        folder.write("train-images-idx3-ubyte", set.imagesFile(pixels, count: 30))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(10)],
                                              ofItemAtPath: paths["train-images"]!)
        let error = dataError { _ = try IDXDataSet.load(folder: folder.url.path, spec: set.spec(checksums: table)) }
        #expect(error == .checksumMismatch(path: paths["train-images"]!, algorithm: "MD5",
                                           expected: table.raw["train-images"]!,
                                           found: Digest.md5(set.imagesFile(pixels, count: 30))))
        #expect(error?.hint.contains("data fetch mnist") == true)
    }

    @Test func gzippedFilesAreCheckedAgainstTheGzipTable() throws {
        let folder = try TempFolder()
        try set.write(to: folder, gzip: true)
        let table = try set.checksums(gzipFolder: folder)
        let data = try IDXDataSet.load(folder: folder.url.path, spec: set.spec(checksums: table))
        #expect(data.test.count == 10)
        // Another gzip encoding of the same content (another level or tool: other .gz bytes) is
        // accepted: the decompressed content matches the raw file's MD5.
        var regzipped = table
        regzipped.gzip["test-labels"] = "00000000000000000000000000000000"
        let again = try TempFolder()
        try set.write(to: again, gzip: true)
        #expect(try IDXDataSet.load(folder: again.url.path, spec: set.spec(checksums: regzipped)).test.count == 10)
        // Content that matches neither is refused, naming the .gz's expected MD5.
        var wrong = regzipped
        wrong.raw["test-labels"] = "11111111111111111111111111111111"
        let other = try TempFolder()
        try set.write(to: other, gzip: true)
        let error = dataError { _ = try IDXDataSet.load(folder: other.url.path, spec: set.spec(checksums: wrong)) }
        if case let .checksumMismatch(path, _, expected, _) = error {
            #expect(path.hasSuffix("t10k-labels-idx1-ubyte.gz") && expected == "00000000000000000000000000000000")
        } else { Issue.record("expected checksumMismatch, got \(String(describing: error))") }
    }

    @Test func limitedKeepsTheFirstTrainingImagesAndRecordsIt() throws {
        let folder = try TempFolder()
        try set.write(to: folder)
        let data = try IDXDataSet.load(folder: folder.url.path, spec: set.spec()).limited(train: 7)
        #expect(data.train.count == 7 && data.validation?.count == 5 && data.test.count == 10)
        #expect(data.info.identity.parameters["limit"] == "7")
        let first = try #require(data.train as? ImageData)
        #expect(first.image(6) == Array(set.trainPixels[11 * 12..<12 * 12]))  // file image 5 + 6
        let same = data.limited(train: 100)
        #expect(same.train.count == 7)
    }
}
