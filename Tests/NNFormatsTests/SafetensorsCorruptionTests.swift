// Safetensors: every damaged or foreign file is refused with a message naming the file and the fault.

import Foundation
import Testing
@testable import NNFormats

@Suite struct SafetensorsCorruptionTests {
    /// Reading `bytes` must fail with `expected`; returns the message for further checks.
    @discardableResult
    func refused(_ bytes: Data, _ expected: SafetensorsError.Problem,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let error = try #require(throws: SafetensorsError.self, sourceLocation: sourceLocation) {
            _ = try SafetensorsFile(bytes: bytes, path: "sessions/bad.safetensors")
        }
        #expect(error.problem == expected, sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("sessions/bad.safetensors: "), sourceLocation: sourceLocation)
        return error.description
    }

    /// A one-tensor file: `entry` is the tensor's JSON entry, `data` the bytes after the header.
    func file(_ entry: String, data: Int = 16) -> Data {
        rawSafetensors(#"{"w":"# + entry + "}", data: [UInt8](repeating: 0, count: data))
    }

    @Test func fileShorterThanTheLengthField() throws {
        let message = try refused(Data([1, 2, 3, 4, 5]), .tooShort(bytes: 5))
        #expect(message.contains("only 5 bytes"))
        try refused(Data(), .tooShort(bytes: 0))
    }

    @Test func headerLengthBeyondTheFile() throws {
        var bytes = Data(littleEndianBytes([UInt64(1000)]))
        bytes.append(Data("{}".utf8))
        let message = try refused(bytes, .headerBeyondFile(length: 1000, fileSize: 10))
        #expect(message.contains("truncated"))
    }

    @Test func absurdHeaderLength() throws {
        // What a PNG or a text file looks like when read as a safetensors length.
        let bytes = Data("\u{89}PNG\r\n\u{1A}\n and then some".utf8)
        let length = bytes.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        try refused(bytes, .headerTooLarge(length: length, limit: 100_000_000))
    }

    @Test func headerThatIsNotJSON() throws {
        let error = try #require(throws: SafetensorsError.self) {
            _ = try SafetensorsFile(bytes: rawSafetensors(#"{"w": {"dtype": "F32",, }"#, data: []), path: "x.safetensors")
        }
        guard case .headerNotJSON(let detail) = error.problem else {
            Issue.record("expected headerNotJSON, got \(error.problem)")
            return
        }
        // Foundation's parser says where it stopped; the wording varies between versions.
        #expect(!detail.isEmpty)
        #expect(error.description.hasPrefix("x.safetensors: the header is not valid JSON ("))
        print("not-JSON message: \(error)")
    }

    @Test func headerThatIsNotAnObject() throws {
        try refused(rawSafetensors("[1, 2, 3]", data: []), .headerNotObject("a list"))
        try refused(rawSafetensors(#""w""#, data: []), .headerNotObject("a string"))
    }

    @Test func entryThatIsNotAnObject() throws {
        try refused(rawSafetensors(#"{"w": 5}"#, data: []), .entryNotObject(tensor: "w", found: "a number"))
    }

    @Test func entriesMissingAField() throws {
        try refused(file(#"{"shape":[4],"data_offsets":[0,16]}"#), .missingField(tensor: "w", field: "dtype"))
        try refused(file(#"{"dtype":"F32","data_offsets":[0,16]}"#), .missingField(tensor: "w", field: "shape"))
        let message = try refused(file(#"{"dtype":"F32","shape":[4]}"#), .missingField(tensor: "w", field: "data_offsets"))
        #expect(message == #"sessions/bad.safetensors: tensor "w" has no "data_offsets" field."#)
    }

    @Test func fieldsOfTheWrongForm() throws {
        try refused(file(#"{"dtype":32,"shape":[4],"data_offsets":[0,16]}"#),
                    .badField(tensor: "w", field: "dtype", expected: #"a string such as "F32""#, found: "32"))
        try refused(file(#"{"dtype":"F32","shape":[4,-1],"data_offsets":[0,16]}"#),
                    .badField(tensor: "w", field: "shape", expected: "a list of non-negative integers", found: "[4, -1]"))
        try refused(file(#"{"dtype":"F32","shape":[true],"data_offsets":[0,16]}"#),
                    .badField(tensor: "w", field: "shape", expected: "a list of non-negative integers", found: "[true]"))
        try refused(file(#"{"dtype":"F32","shape":[2.5],"data_offsets":[0,16]}"#),
                    .badField(tensor: "w", field: "shape", expected: "a list of non-negative integers", found: "[2.5]"))
        try refused(file(#"{"dtype":"F32","shape":[4],"data_offsets":[16,0]}"#),
                    .badField(tensor: "w", field: "data_offsets", expected: "[begin, end] with 0 <= begin <= end",
                              found: "[16, 0]"))
        try refused(file(#"{"dtype":"F32","shape":[4],"data_offsets":[0]}"#),
                    .badField(tensor: "w", field: "data_offsets", expected: "[begin, end] with 0 <= begin <= end",
                              found: "[0]"))
    }

    @Test func unknownAndUnsupportedDTypes() throws {
        let unknown = try refused(file(#"{"dtype":"Q4","shape":[4],"data_offsets":[0,16]}"#),
                                  .unknownDType(tensor: "w", dtype: "Q4"))
        #expect(unknown.contains(#"dtype "Q4""#))
        let unsupported = try refused(file(#"{"dtype":"I64","shape":[2],"data_offsets":[0,16]}"#),
                                      .unsupportedDType(tensor: "w", dtype: "I64"))
        #expect(unsupported == #"sessions/bad.safetensors: tensor "w" has dtype I64; "#
            + "nnlab reads only floating-point tensors (F32, F16, BF16, F64).")
    }

    @Test func offsetsThatDoNotMatchTheShape() throws {
        let message = try refused(file(#"{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}"#),
                                  .sizeMismatch(tensor: "w", dtype: "F32", shape: [2, 2], expectedBytes: 16,
                                                begin: 0, end: 12))
        #expect(message.contains("needs 16 bytes"))
        try refused(file(#"{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,16]}"#),
                    .shapeTooLarge(tensor: "w", shape: [4_611_686_018_427_387_904, 4]))
    }

    @Test func offsetsBeyondTheData() throws {
        try refused(file(#"{"dtype":"F32","shape":[4],"data_offsets":[0,16]}"#, data: 8),
                    .offsetsOutOfRange(tensor: "w", begin: 0, end: 16, dataBytes: 8))
    }

    @Test func overlappingTensors() throws {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
            + #""b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        try refused(rawSafetensors(header, data: [UInt8](repeating: 0, count: 12)), .overlap(first: "a", second: "b"))
    }

    @Test func bytesThatBelongToNoTensor() throws {
        let hole = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        try refused(rawSafetensors(hole, data: [UInt8](repeating: 0, count: 12)), .unusedBytes(begin: 4, end: 8))
        try refused(file(#"{"dtype":"F32","shape":[1],"data_offsets":[0,4]}"#, data: 8), .unusedBytes(begin: 4, end: 8))
        // A duplicate key: JSON decoding keeps one entry, and the other's bytes show up as unused.
        let duplicate = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"#
            + #""a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        #expect(throws: SafetensorsError.self) {
            _ = try SafetensorsFile(bytes: rawSafetensors(duplicate, data: [UInt8](repeating: 0, count: 8)), path: "d")
        }
    }

    @Test func metadataMustBeAnObjectOfStrings() throws {
        try refused(rawSafetensors(#"{"__metadata__": [1]}"#, data: []), .metadataNotObject("a list"))
        let message = try refused(rawSafetensors(#"{"__metadata__": {"epochs": 15}}"#, data: []),
                                  .metadataValueNotString(key: "epochs", found: "a number (15)"))
        #expect(message.contains("must be strings"))
    }

    @Test func truncatedCopiesOfAGoodFileAreAllRefused() throws {
        // Cutting a real file anywhere must give an error, never a crash or wrong values.
        let good = SafetensorsTests.sampleWriter().encoded()
        for length in stride(from: 0, to: good.count, by: 3) {
            #expect(throws: SafetensorsError.self) {
                _ = try SafetensorsFile(bytes: good.prefix(length), path: "cut")
            }
        }
    }
}
