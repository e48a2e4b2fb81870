// TensorBoardReader: the scalars the writer put in an event file come back with their tags, steps
// and exact values; histograms are skipped; a damaged file is an error, not a wrong number.

import Foundation
import Testing
import TestProcess
@testable import NNFormats

@Suite struct TensorBoardReaderTests {
    @Test func scalarsComeBackAsWritten() throws {
        let run = try makeTemporaryFolder().appendingPathComponent("logs/lab10_5")
        let writer = try TensorBoardWriter(runDirectory: run, clock: { 100 })
        try writer.addScalars([("cost", 0.3224), ("validation_accuracy", 0.9828)], step: 1)
        try writer.addHistogram("dense1/weights", values: [0.5, -0.25, 1], step: 1)
        try writer.addScalar("cost", 0.0433, step: 15)
        try writer.addScalar("batch/cost", -2.5e-7, step: 8_250)
        writer.close()
        let points = try TensorBoardReader.scalars(inRun: run)
        #expect(points == [ScalarPoint(tag: "cost", step: 1, value: 0.3224),
                           ScalarPoint(tag: "validation_accuracy", step: 1, value: 0.9828),
                           ScalarPoint(tag: "cost", step: 15, value: 0.0433),
                           ScalarPoint(tag: "batch/cost", step: 8_250, value: -2.5e-7)])
    }

    @Test func anEmptyFolderHasNoScalarsAndADamagedFileIsAnError() throws {
        let folder = try makeTemporaryFolder()
        #expect(try TensorBoardReader.scalars(inRun: folder).isEmpty)
        let writer = try TensorBoardWriter(runDirectory: folder, clock: { 7 })
        try writer.addScalar("cost", 1, step: 1)
        writer.close()
        var bytes = [UInt8](try Data(contentsOf: writer.fileURL))
        bytes[bytes.count - 6] ^= 0xff
        #expect(throws: TensorBoardReader.Malformed.self) { try TensorBoardReader.scalars(inFile: bytes) }
    }
}
