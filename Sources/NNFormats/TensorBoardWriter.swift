// TensorBoardWriter: one TensorBoard event file in a run folder, appended to as training goes.
//
// `tensorboard --logdir DIR` shows every folder under DIR holding `events.out.tfevents.*` files
// as a run, so a run folder is DIR/RUN_NAME. The file name is events.out.tfevents.SECONDS.HOST
// (with .PID.N added if that name is taken). Each event is framed as a TFRecord and handed to the
// OS with a single write(2) and no user-space buffer: when the call returns, a killed nnlab loses
// nothing already logged. Only `close()` fsyncs; a per-step fsync would cost more than the step.
// Suggested tags: "cost", "accuracy", "validation_accuracy", "learning_rate" for scalars, and
// "LAYER/weights", "LAYER/gradients" for histograms (TensorBoard groups tags by their prefix).

import Foundation
import LabKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NNCore

/// Writes scalars and histograms to a new TensorBoard event file.
public final class TensorBoardWriter {
    /// The run folder.
    public let runDirectory: URL
    /// The event file inside it.
    public let fileURL: URL

    private var fd: Int32
    /// Bytes of complete records written; a failed write is cut back to this.
    private var goodSize = 0
    private let clock: () -> Double
    private let calls: SystemCalls

    /// Creates `runDirectory` (and parents) if needed and starts a new event file in it.
    /// `clock` gives the wall time in seconds since 1970 for each event (tests pass a fixed one).
    public convenience init(runDirectory: URL,
                            clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) throws(FileWriteError) {
        try self.init(runDirectory: runDirectory, clock: clock, calls: .system)
    }

    init(runDirectory: URL, clock: @escaping () -> Double, calls: SystemCalls) throws(FileWriteError) {
        self.runDirectory = runDirectory
        self.clock = clock
        self.calls = calls
        try Folder.create(runDirectory)

        let start = clock()
        let base = "events.out.tfevents.\(Int(start)).\(TensorBoardWriter.hostName())"
        var candidate = runDirectory.appendingPathComponent(base)
        var fd: Int32 = -1
        for attempt in 0..<100 {
            if attempt > 0 { candidate = runDirectory.appendingPathComponent("\(base).\(getpid()).\(attempt)") }
            fd = calls.openRetrying(candidate.path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw FileWriteError(path: candidate.path, step: "creating the event file", code: errno)
        }
        self.fd = fd
        self.fileURL = candidate
        try append(TensorBoardEvent.fileVersionEvent(wallTime: start))
    }

    deinit { close() }

    // MARK: - Logging

    /// Logs one scalar at `step`.
    public func addScalar(_ tag: String, _ value: Float, step: Int) throws(FileWriteError) {
        try add([.scalar(tag: tag, value: value)], step: step)
    }

    /// Logs several scalars at `step` in one event (cost, accuracy, ... of one epoch).
    public func addScalars(_ scalars: [(tag: String, value: Float)], step: Int) throws(FileWriteError) {
        try add(scalars.map { .scalar(tag: $0.tag, value: $0.value) }, step: step)
    }

    /// Logs the histogram of `values` (weights or gradients) at `step`.
    public func addHistogram(_ tag: String, values: UnsafeBufferPointer<Float>, step: Int) throws(FileWriteError) {
        try add([.histogram(tag: tag, histogram: Histogram(values))], step: step)
    }

    /// Logs the histogram of `values` at `step`.
    public func addHistogram(_ tag: String, values: [Float], step: Int) throws(FileWriteError) {
        try add([.histogram(tag: tag, histogram: Histogram(values))], step: step)
    }

    /// Logs the histogram of a matrix's elements in use at `step`.
    public func addHistogram(_ tag: String, matrix: Matrix, step: Int) throws(FileWriteError) {
        try addHistogram(tag, values: UnsafeBufferPointer(matrix.buffer), step: step)
    }

    /// Logs `values` at `step` as one event, stamped with the clock's time.
    public func add(_ values: [SummaryValue], step: Int) throws(FileWriteError) {
        try append(TensorBoardEvent.summaryEvent(wallTime: clock(), step: step, values: values))
    }

    /// Flushes the file to disk and closes it. Logging afterwards throws; closing twice is harmless.
    public func close() {
        guard fd >= 0 else { return }
        _ = calls.fsync(fd)
        _ = calls.close(fd)
        fd = -1
    }

    // MARK: - Output

    private func append(_ event: [UInt8]) throws(FileWriteError) {
        guard fd >= 0 else {
            throw FileWriteError(path: fileURL.path, step: "logging to the closed event file", code: EBADF)
        }
        let record = TFRecord.frame(event)
        let code = record.withUnsafeBytes { calls.writeAll(fd, $0) }
        guard code == 0 else {
            // A half record would make every later record unreadable; cut it off (best effort).
            _ = ftruncate(fd, off_t(goodSize))
            throw FileWriteError(path: fileURL.path, step: "appending an event", code: code)
        }
        goodSize += record.count
    }

    /// This machine's name, safe inside a file name.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let safe = name.map { $0 == "/" || $0 == "\\" ? "_" : String($0) }.joined()
        return safe.isEmpty ? "localhost" : safe
    }
}
