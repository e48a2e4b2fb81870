// TensorBoardWriter: file naming, record contents, and that every event is on disk at once.

import Foundation
import Testing
import TestProcess
@testable import NNFormats
import LabKit

@Suite struct TensorBoardWriterTests {
    @Test func createsTheRunFolderAndANamedEventFile() throws {
        let run = try makeTemporaryFolder().appendingPathComponent("logs/relu")
        let writer = try TensorBoardWriter(runDirectory: run, clock: { 1_700_000_000.25 })
        let name = writer.fileURL.lastPathComponent
        #expect(name == "events.out.tfevents.1700000000.\(TensorBoardWriter.hostName())")
        #expect(folderContents(run) == [name])

        // A second writer in the same second gets a name of its own.
        let second = try TensorBoardWriter(runDirectory: run, clock: { 1_700_000_000.75 })
        #expect(second.fileURL != writer.fileURL)
        #expect(second.fileURL.lastPathComponent.hasPrefix(name + "."))
    }

    @Test func eventsAreOnDiskBeforeTheWriterIsClosed() throws {
        let run = try makeTemporaryFolder()
        let writer = try TensorBoardWriter(runDirectory: run, clock: { 12.5 })
        try writer.addScalar("cost", 0.75, step: 3)
        // Not closed: what a killed process would leave behind.
        let records = try TFRecord.records(in: Array(try Data(contentsOf: writer.fileURL)))
        #expect(records.count == 2)
        #expect(records[0] == TensorBoardEvent.fileVersionEvent(wallTime: 12.5))
        #expect(records[1] == TensorBoardEvent.summaryEvent(wallTime: 12.5, step: 3,
                                                            values: [.scalar(tag: "cost", value: 0.75)]))
        writer.close()
        writer.close()
        #expect(throws: FileWriteError.self) { try writer.addScalar("cost", 1, step: 4) }
    }

    @Test func summaryEventBytes() {
        // Event { wall_time: 2.0, step: 5, summary { value { tag: "a", simple_value: 1.0 } } }
        let bytes = TensorBoardEvent.summaryEvent(wallTime: 2, step: 5, values: [.scalar(tag: "a", value: 1)])
        let value: [UInt8] = [0x0A, 0x01, 0x61, 0x15, 0x00, 0x00, 0x80, 0x3F]
        let summary: [UInt8] = [0x0A, UInt8(value.count)] + value
        #expect(bytes == [0x09, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x10, 0x05, 0x2A, UInt8(summary.count)] + summary)
    }

    @Test func runFolderThatCannotBeCreatedIsAClearError() throws {
        let folder = try makeTemporaryFolder()
        try Data([1]).write(to: folder.appendingPathComponent("logs"))
        let error = try #require(throws: FileWriteError.self) {
            _ = try TensorBoardWriter(runDirectory: folder.appendingPathComponent("logs/run1"))
        }
        #expect(error.cause == .notAFolder)
        #expect(error.description.contains("logs/run1"))
    }
}
