// ImageData: labeled grayscale images kept as bytes, converted to Float one batch at a time.
//
// Full MNIST as Float32 would take 70,000 x 784 x 4 = 220 MB; as bytes it takes 55 MB. The
// trainer asks for a batch of rows and gets pixel / 255 in [0, 1], written into its own matrix:
// nothing is allocated per batch. A split (train, validation, test) is a view of a range of the
// same bytes, so splitting costs no copy. This is not a loader: see IDXDataSetLoader.

import NNCore

/// Images of `imageRows x imageCols` bytes with integer labels, as `LabeledData`.
public final class ImageData: LabeledData {
    /// Rows of one image (28 for MNIST).
    public let imageRows: Int
    /// Columns of one image (28 for MNIST).
    public let imageCols: Int
    public let classCount: Int
    /// Number of images in this view.
    public let count: Int

    private let pixels: ByteStorage
    private let labels: ByteStorage
    /// Index of this view's first image in the shared storage.
    private let first: Int

    /// Images from `pixels` (count x rows x cols bytes) and `labels` (count bytes, each below
    /// `classCount`). The arrays are copied once into storage owned by the data set.
    public convenience init(pixels: [UInt8], labels: [UInt8], imageRows: Int, imageCols: Int, classCount: Int) {
        precondition(imageRows > 0 && imageCols > 0 && pixels.count == labels.count * imageRows * imageCols,
                     "ImageData: \(pixels.count) pixels do not make \(labels.count) images of \(imageRows)x\(imageCols)")
        precondition(labels.allSatisfy { Int($0) < classCount },
                     "ImageData: a label is not below classCount \(classCount)")
        self.init(pixels: ByteStorage(pixels), labels: ByteStorage(labels), imageRows: imageRows,
                  imageCols: imageCols, classCount: classCount, first: 0, count: labels.count)
    }

    init(pixels: ByteStorage, labels: ByteStorage, imageRows: Int, imageCols: Int, classCount: Int,
         first: Int, count: Int) {
        precondition(first >= 0 && count >= 0 && first + count <= labels.count
                     && labels.count * imageRows * imageCols == pixels.count,
                     "ImageData: view \(first)..<\(first + count) of \(labels.count) images does not fit")
        self.pixels = pixels
        self.labels = labels
        self.imageRows = imageRows
        self.imageCols = imageCols
        self.classCount = classCount
        self.first = first
        self.count = count
    }

    /// Pixels per image.
    public var featureCount: Int { imageRows * imageCols }

    /// Bytes this view's images and labels occupy (the shared storage may hold more).
    public var byteCount: Int { count * (featureCount + 1) }

    public func label(_ index: Int) -> Int {
        precondition(index >= 0 && index < count, "ImageData.label(\(index)) is outside 0..<\(count)")
        return Int(labels[first + index])
    }

    /// The raw bytes of image `index`, row-major (for display).
    public func image(_ index: Int) -> [UInt8] {
        precondition(index >= 0 && index < count, "ImageData.image(\(index)) is outside 0..<\(count)")
        let start = pixels.base + (first + index) * featureCount
        return Array(UnsafeBufferPointer(start: start, count: featureCount))
    }

    /// Images `range` of this view, sharing its storage (no copy).
    public func slice(_ range: Range<Int>) -> ImageData {
        precondition(range.lowerBound >= 0 && range.upperBound <= count,
                     "ImageData.slice(\(range)) is outside 0..<\(count)")
        return ImageData(pixels: pixels, labels: labels, imageRows: imageRows, imageCols: imageCols,
                         classCount: classCount, first: first + range.lowerBound, count: range.count)
    }

    /// Writes pixel / 255 for each image in `indices` into the rows of `features`.
    /// Shapes: features becomes (indices.count x featureCount); labels gets indices.count values.
    public func fillBatch(_ indices: UnsafeBufferPointer<Int32>, features: Matrix,
                          labels out: UnsafeMutableBufferPointer<Int32>) {
        let n = featureCount
        precondition(features.cols == n && indices.count <= features.capacity && indices.count <= out.count,
                     "ImageData.fillBatch: \(indices.count) images of \(n) pixels do not fit \(features.capacity)x\(features.cols)")
        features.resize(rows: indices.count)
        for (r, i) in indices.enumerated() {
            let index = Int(i)
            precondition(index >= 0 && index < count, "ImageData.fillBatch: index \(index) is outside 0..<\(count)")
            let src = pixels.base + (first + index) * n
            let dst = features.data + r * n
            // Division, not multiplication by 1/255, so the value is exactly x/255 rounded once.
            for j in 0..<n { dst[j] = Float(src[j]) / 255 }
            out[r] = Int32(labels[first + index])
        }
    }
}
