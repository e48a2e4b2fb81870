// LoadedDataSet: what loading a data set returns: its splits and what it is.
//
// One value holds train, an optional validation split and test, plus the facts a user sees in
// `data info` (name, description, class names, feature shape) and the identity a saved session
// records. It is built whole or not at all: loaders throw before constructing one.

import NNCore

/// Facts about a loaded data set.
public struct DataSetInfo: Equatable, Sendable {
    /// The catalog name ("mnist", "csv", ...).
    public var name: String
    /// One line saying what the data is.
    public var summary: String
    /// One name per class, index = label.
    public var classNames: [String]
    /// The shape of one example: [28, 28] for images, [2] for points, [steps, vocabulary] for
    /// sequences. Its product is the feature count.
    public var featureShape: [Int]
    /// Where the data came from: a folder or file, or "generated" / "built in".
    public var source: String
    /// What exactly was loaded (see DataIdentity).
    public var identity: DataIdentity

    public init(name: String, summary: String, classNames: [String], featureShape: [Int],
                source: String, identity: DataIdentity) {
        self.name = name
        self.summary = summary
        self.classNames = classNames
        self.featureShape = featureShape
        self.source = source
        self.identity = identity
    }
}

/// A loaded data set: train / validation / test splits and their description.
public struct LoadedDataSet {
    public let info: DataSetInfo
    public let train: any LabeledData
    /// Absent for sets too small to hold one out (xor, hihello) or when asked for none.
    public let validation: (any LabeledData)?
    public let test: any LabeledData

    public init(info: DataSetInfo, train: any LabeledData, validation: (any LabeledData)?, test: any LabeledData) {
        let features = info.featureShape.reduce(1, *)
        precondition(train.featureCount == features && test.featureCount == features
                     && (validation?.featureCount ?? features) == features,
                     "LoadedDataSet(\(info.name)): feature shape \(info.featureShape) does not match the splits "
                     + "(\(train.featureCount), \(validation?.featureCount ?? -1), \(test.featureCount))")
        self.info = info
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// Numbers per example.
    public var featureCount: Int { train.featureCount }
    /// Number of classes (the largest of the splits' counts, which normally agree).
    public var classCount: Int { max(info.classNames.count, train.classCount, test.classCount) }

    /// "55000 train / 5000 validation / 10000 test".
    public var splitSummary: String {
        var parts = ["\(train.count) train"]
        if let validation { parts.append("\(validation.count) validation") }
        parts.append("\(test.count) test")
        return parts.joined(separator: " / ")
    }

    /// The same data set with only the first `train` training examples (and, when given, the
    /// first `validation` / `test` examples of those splits): for fast lesson variants and for
    /// showing overfitting on a small training set. Counts at or above a split's size leave it
    /// whole. The identity records the limits.
    public func limited(train trainLimit: Int, validation validationLimit: Int? = nil,
                        test testLimit: Int? = nil) -> LoadedDataSet {
        precondition(trainLimit > 0 && (validationLimit ?? 1) >= 0 && (testLimit ?? 1) > 0,
                     "LoadedDataSet.limited: limits must be positive (train \(trainLimit), "
                     + "validation \(validationLimit ?? -1), test \(testLimit ?? -1))")
        var info = self.info
        func cut(_ data: any LabeledData, _ limit: Int?, _ key: String) -> any LabeledData {
            guard let limit, limit < data.count else { return data }
            info.identity.parameters[key] = String(limit)
            if let images = data as? ImageData { return images.slice(0..<limit) }
            return DataSubset(data, range: 0..<limit)
        }
        let newTrain = cut(train, trainLimit, "limit")
        let newValidation = validation.map { cut($0, validationLimit, "limit-validation") }
        let newTest = cut(test, testLimit, "limit-test")
        return LoadedDataSet(info: info, train: newTrain, validation: newValidation, test: newTest)
    }
}

/// One of a data set's three parts.
public enum Split: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case train, validation, test

    /// The order `eval` and `ensemble eval` list them in: the usual one first.
    public static let evaluationOrder: [Split] = [.test, .validation, .train]
}

extension LoadedDataSet {
    /// The examples of `split` (nil for a set without a validation split).
    public func examples(_ split: Split) -> (any LabeledData)? {
        switch split {
        case .train: train
        case .validation: validation
        case .test: test
        }
    }
}
