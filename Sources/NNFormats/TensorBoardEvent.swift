// TensorBoardEvent: the Event protocol buffers of a TensorBoard event file, encoded by hand.
//
// The subset of tensorboard/compat/proto/{event,summary,histogram}.proto nnlab writes:
//   Event          { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
//   Summary        { repeated Value value = 1; }
//   Summary.Value  { string tag = 1; float simple_value = 2; HistogramProto histo = 5; }
//   HistogramProto (see Histogram.swift)
// The first event of a file carries only file_version "brain.Event:2"; every later one a summary.

/// One entry of a Summary: a named scalar or histogram.
public enum SummaryValue: Equatable, Sendable {
    /// A scalar curve point (TensorBoard's Scalars tab).
    case scalar(tag: String, value: Float)
    /// A distribution (TensorBoard's Histograms and Distributions tabs).
    case histogram(tag: String, histogram: Histogram)

    /// The Summary.Value message.
    func protobuf() -> ProtobufWriter {
        var value = ProtobufWriter()
        switch self {
        case .scalar(let tag, let number):
            value.string(1, tag)
            value.float(2, number)
        case .histogram(let tag, let histogram):
            value.string(1, tag)
            value.message(5, histogram.protobuf())
        }
        return value
    }
}

/// Encoders for the two kinds of Event nnlab writes.
enum TensorBoardEvent {
    /// The version string TensorBoard expects in a file's first event.
    static let fileVersion = "brain.Event:2"

    /// The first event of every file.
    static func fileVersionEvent(wallTime: Double) -> [UInt8] {
        var event = ProtobufWriter()
        event.double(1, wallTime)
        event.string(3, fileVersion)
        return event.bytes
    }

    /// An event holding `values` at `step`.
    static func summaryEvent(wallTime: Double, step: Int, values: [SummaryValue]) -> [UInt8] {
        var summary = ProtobufWriter()
        for value in values { summary.message(1, value.protobuf()) }
        var event = ProtobufWriter()
        event.double(1, wallTime)
        event.int64(2, Int64(step))
        event.message(5, summary)
        return event.bytes
    }
}
