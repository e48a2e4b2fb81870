// Tests for ImageData: bytes become pixel/255 in the batch rows, each row from its own image,
// labels follow, and slices are views with their own indices.

import Foundation
import NNCore
import Testing
@testable import NNData

@Suite struct ImageDataTests {
    /// Three 2x2 images whose pixels cover 0, 1, 128 and 255.
    let data = ImageData(pixels: [0, 1, 128, 255,   10, 20, 30, 40,   255, 254, 2, 0],
                         labels: [3, 1, 4], imageRows: 2, imageCols: 2, classCount: 5)

    @Test func fillBatchScalesBytesToZeroOne() {
        let x = Matrix(rows: 3, cols: 4)
        var labels = [Int32](repeating: -1, count: 3)
        let indices: [Int32] = [0]
        indices.withUnsafeBufferPointer { idx in
            labels.withUnsafeMutableBufferPointer { data.fillBatch(idx, features: x, labels: $0) }
        }
        #expect(x.rows == 1)
        #expect(x.row(0) == [0, Float(1) / 255, Float(128) / 255, 1])
        #expect(x[0, 3] == 1.0 && x[0, 0] == 0.0)
        #expect(labels[0] == 3)
    }

    @Test func eachRowComesFromItsOwnImage() {
        let x = Matrix(rows: 4, cols: 4, capacity: 8)
        x.fill(-7)
        var labels = [Int32](repeating: -1, count: 8)
        let indices: [Int32] = [2, 0, 2, 1]
        indices.withUnsafeBufferPointer { idx in
            labels.withUnsafeMutableBufferPointer { data.fillBatch(idx, features: x, labels: $0) }
        }
        #expect(x.rows == 4)
        #expect(x.row(0) == [255, 254, 2, 0].map { Float($0) / 255 })
        #expect(x.row(1) == [0, 1, 128, 255].map { Float($0) / 255 })
        #expect(x.row(2) == x.row(0))
        #expect(x.row(3) == [10, 20, 30, 40].map { Float($0) / 255 })
        #expect(Array(labels.prefix(4)) == [4, 3, 4, 1])
        #expect(labels[4] == -1)
    }

    @Test func slicesAreViewsWithTheirOwnIndices() {
        let tail = data.slice(1..<3)
        #expect(tail.count == 2 && tail.label(0) == 1 && tail.label(1) == 4)
        #expect(tail.image(1) == [255, 254, 2, 0])
        let (x, labels) = tail.materialize()
        #expect(x.row(0) == [10, 20, 30, 40].map { Float($0) / 255 })
        #expect(labels == [1, 4])
        #expect(tail.byteCount == 2 * 5)
    }
}
