// Safetensors: round trips through the writer and reader, the exact byte layout, float conversions.

import Foundation
import NNCore
import Testing
import TestProcess
@testable import NNFormats

/// A safetensors file made by hand: 8-byte length, `header` as given, then `data`.
func rawSafetensors(_ header: String, data: [UInt8]) -> Data {
    var file = Data()
    withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { file.append(contentsOf: $0) }
    file.append(Data(header.utf8))
    file.append(contentsOf: data)
    return file
}

/// The little-endian bytes of some integers of type T.
func littleEndianBytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
}

@Suite struct SafetensorsTests {
    /// A model specification as nnlab will store it: JSON text with quotes, newlines and non-ASCII.
    static let spec = #"{"layers": [{"type": "linear", "in": 2, "out": 3, "init": "xavier"}], "note": "café\nline2\ttab"}"#

    static func sampleWriter() -> SafetensorsWriter {
        var writer = SafetensorsWriter(metadata: ["nnlab.model": spec, "format": "pt"])
        writer.add("layer1.weight", shape: [2, 3], values: [1, -2, 3.5, 0, 1e-8, -1e30])
        writer.add("layer1.bias", shape: [3], values: [0.25, .pi, -0])
        writer.add("step.scale", shape: [], values: [42])
        return writer
    }

    @Test func roundTripKeepsNamesShapesValuesAndMetadata() throws {
        let file = try SafetensorsFile(bytes: Self.sampleWriter().encoded(), path: "mem.safetensors")
        #expect(file.tensors.map(\.name) == ["layer1.weight", "layer1.bias", "step.scale"])
        #expect(file.tensors.map(\.shape) == [[2, 3], [3], []])
        #expect(file.tensors.allSatisfy { $0.dtype == .f32 })
        #expect(try file.floats("layer1.weight") == [1, -2, 3.5, 0, 1e-8, -1e30])
        #expect(try file.floats("layer1.bias") == [0.25, .pi, -0])
        #expect(try file.floats("step.scale") == [42])
        #expect(file.metadata == ["nnlab.model": Self.spec, "format": "pt"])
    }

    @Test func layoutIsPaddedContiguousWithSortedKeys() throws {
        let bytes = Self.sampleWriter().encoded()
        let headerLength = bytes.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(headerLength % 8 == 0)
        #expect(bytes.count == 8 + headerLength + (6 + 3 + 1) * 4)
        let header = String(decoding: bytes[8..<8 + headerLength], as: UTF8.self)
        #expect(header.hasPrefix(#"{"__metadata__":{"format":"pt","nnlab.model":"#))
        // Keys sorted at every level; the data stays in the order the tensors were added.
        #expect(header.contains(#""layer1.bias":{"data_offsets":[24,36],"dtype":"F32","shape":[3]},"#
                                + #""layer1.weight":{"data_offsets":[0,24],"dtype":"F32","shape":[2,3]},"#
                                + #""step.scale":{"data_offsets":[36,40],"dtype":"F32","shape":[]}}"#))
        // The first value, 1.0f, little-endian, right after the header.
        #expect(Array(bytes[8 + headerLength..<12 + headerLength]) == [0x00, 0x00, 0x80, 0x3F])
        // Two encodings of the same model are byte-identical.
        #expect(Self.sampleWriter().encoded() == bytes)
    }

    @Test func matrixInAndOut() throws {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        let bias = Matrix([[7, 8, 9]])
        var writer = SafetensorsWriter()
        writer.add("w", matrix: m)
        writer.add("b", matrix: bias, shape: [3])
        let file = try SafetensorsFile(bytes: writer.encoded(), path: "m.safetensors")
        #expect(file.tensor("w")?.shape == [2, 3])
        #expect(file.tensor("b")?.shape == [3])
        let w = try file.matrix("w")
        #expect(w.rows == 2 && w.cols == 3 && w.array == [1, 2, 3, 4, 5, 6])
        let b = try file.matrix("b")
        #expect(b.rows == 1 && b.cols == 3 && b.array == [7, 8, 9])

        let destination = Matrix(rows: 2, cols: 3)
        try file.copyFloats("w", into: destination.buffer)
        #expect(destination.array == m.array)
        let wrong = Matrix(rows: 3, cols: 3)
        let error = try #require(throws: SafetensorsError.self) { try file.copyFloats("w", into: wrong.buffer) }
        #expect(error.problem == .countMismatch(tensor: "w", shape: [2, 3], destinationCount: 9))
    }

    @Test func askingForAMissingTensorListsTheOnesThere() throws {
        let file = try SafetensorsFile(bytes: Self.sampleWriter().encoded(), path: "s.safetensors")
        let error = try #require(throws: SafetensorsError.self) { _ = try file.floats("layer2.weight") }
        #expect(error.description == #"s.safetensors: no tensor named "layer2.weight"; the file holds "#
            + #""layer1.weight", "layer1.bias", "step.scale"."#)
    }

    @Test func emptyFileAndEmptyTensorsAreValid() throws {
        let empty = try SafetensorsFile(bytes: SafetensorsWriter().encoded(), path: "e.safetensors")
        #expect(empty.tensors.isEmpty && empty.metadata.isEmpty)

        var writer = SafetensorsWriter()
        writer.add("none", shape: [0, 5], values: [])
        writer.add("one", shape: [1], values: [3])
        let file = try SafetensorsFile(bytes: writer.encoded(), path: "z.safetensors")
        #expect(try file.floats("none") == [])
        #expect(try file.floats("one") == [3])
    }

    @Test func writesAtomicallyAndReadsFromDisk() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("lab.safetensors")
        try Self.sampleWriter().write(to: url)
        let file = try SafetensorsFile(contentsOf: url)
        #expect(file.path == url.path)
        #expect(try file.floats("layer1.bias") == [0.25, .pi, -0])

        let missing = url.deletingLastPathComponent().appendingPathComponent("none.safetensors")
        let error = try #require(throws: SafetensorsError.self) { _ = try SafetensorsFile(contentsOf: missing) }
        #expect(error.description == "\(missing.path): cannot read the file (No such file or directory)")
    }

    @Test func halfBFloatAndDoubleAreConvertedToFloat() throws {
        let half: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x8400, 0x7C00, 0x3555]
        let bfloat: [UInt16] = [0x3F80, 0xC040, 0x4049]
        let doubles: [Double] = [1.0 / 3.0, -1e300, 2.5]
        let data = littleEndianBytes(half) + littleEndianBytes(bfloat) + littleEndianBytes(doubles.map(\.bitPattern))
        let header = #"{"h":{"dtype":"F16","shape":[7],"data_offsets":[0,14]},"#
            + #""b":{"dtype":"BF16","shape":[3],"data_offsets":[14,20]},"#
            + #""d":{"dtype":"F64","shape":[3],"data_offsets":[20,44]}}"#
        let file = try SafetensorsFile(bytes: rawSafetensors(header, data: data), path: "mixed.safetensors")

        let h = try file.floats("h")
        #expect(Array(h.prefix(6)) == [1, -2, 65504, 0x1p-24, -0x1p-14, .infinity])
        #expect(h[6] == 0.333251953125)   // 0x3555 = 1365/4096
        #expect(try file.floats("b") == [1, -3, 3.140625])
        #expect(try file.floats("d") == [Float(1.0 / 3.0), -.infinity, 2.5])
        #expect(floatFromHalf(0x7E00).isNaN)
    }

    @Test func fiveMegabytesOfWeightsRoundTrip() throws {
        // lab-10-5's 784-512x4-10 net holds about 1.2M parameters (4.7 MB in F32).
        let values = (0..<1_300_000).map { Float($0 % 1000) * 0.001 - 0.5 }
        var writer = SafetensorsWriter(metadata: ["nnlab.model": Self.spec])
        writer.add("big", shape: [1300, 1000], values: values)
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.safetensors")

        // Speed belongs in `make bench`; a loaded 2-core machine makes wall-clock asserts flaky.
        try writer.write(to: url)
        let file = try SafetensorsFile(contentsOf: url)
        #expect(try file.floats("big") == values)
    }
}
