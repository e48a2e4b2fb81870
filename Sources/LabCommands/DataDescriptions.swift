// DataDescriptions: what a data set is, in the learner's language, for `data list`, `data info` and
// `data load`.
//
// NNData's catalog describes each set once, in English; the lab says the same things from
// CommandMessage, by the set's catalog name (DataSetName) and each option's name (DataOptionName).
// A set or option NNData adds later is described in NNData's own words until it has a line here.

import LabText
import NNData

/// The data sets of NNData's catalog, by their catalog name.
enum DataSetName: String, CaseIterable {
    case xor, mnist, fashion, csv, circle, spiral, gaussian, hihello
}

/// The options data sets take, by name.
enum DataOptionName: String, CaseIterable {
    case test, validation, limit, samples, noise, classes, label, header, text, steps
}

enum DataDescriptions {
    // MARK: - A catalog entry (`data list`, `data info NAME`)

    /// "the four XOR points: label = x1 xor x2 (the deep-sigmoid demo)"
    static func summary(_ entry: DataCatalogEntry) -> String {
        guard let name = DataSetName(rawValue: entry.name) else { return entry.summary }
        switch name {
        case .xor: return loc(.aboutXor)
        case .mnist: return loc(.aboutMnist)
        case .fashion: return loc(.aboutFashion)
        case .csv: return loc(.aboutCsv)
        case .circle: return loc(.aboutCircle)
        case .spiral: return loc(.aboutSpiral)
        case .gaussian: return loc(.aboutGaussian)
        case .hihello: return loc(.aboutHihello)
        }
    }

    /// "4 examples; train = test; no validation"
    static func sizes(_ entry: DataCatalogEntry) -> String {
        guard let name = DataSetName(rawValue: entry.name) else { return entry.sizes }
        switch name {
        case .xor: return loc(.sizesXor)
        case .mnist, .fashion: return loc(.sizesImages)
        case .csv: return loc(.sizesCsv)
        case .hihello: return loc(.sizesHihello)
        case .circle, .spiral, .gaussian:
            // The default split of a generated set, as PointSets draws it.
            let d = PointSetOptions(), sizes = d.split.sizes(of: d.samples)
            return loc(.sizesPoints, d.samples, sizes.train, sizes.validation, sizes.test)
        }
    }

    /// Where the set comes from ("built in", the MNIST folders, ...).
    static func source(_ entry: DataCatalogEntry) -> String {
        guard let name = DataSetName(rawValue: entry.name) else { return entry.source }
        switch name {
        case .xor, .hihello: return loc(.sourceBuiltIn)
        case .mnist: return loc(.sourceMnist)
        case .fashion: return loc(.sourceFashion)
        case .csv: return loc(.sourceCsv)
        case .circle, .spiral, .gaussian: return loc(.sourceFromSessionSeed)
        }
    }

    /// What an option sets ("fraction of rows held out for testing").
    static func summary(_ option: DataOption) -> String {
        guard let name = DataOptionName(rawValue: option.name) else { return option.summary }
        switch name {
        case .test: return loc(.optionTest)
        case .validation: return loc(.optionValidation)
        case .limit: return loc(.optionLimit)
        case .samples: return loc(.optionSamples)
        case .noise: return loc(.optionNoise)
        case .classes: return loc(.optionClasses)
        case .label: return loc(.optionLabel)
        case .header: return loc(.optionHeader)
        case .text: return loc(.optionText)
        case .steps: return loc(.optionSteps)
        }
    }

    // MARK: - A loaded set (`data info`, `data load`)

    /// What the loaded data is: the catalog's line, or for csv and hihello the facts of this load.
    static func summary(_ data: LoadedDataSet) -> String {
        let info = data.info, parameters = info.identity.parameters
        guard let name = DataSetName(rawValue: info.name) else { return info.summary }
        switch name {
        case .xor: return loc(.aboutXorLoaded)
        case .mnist: return loc(.aboutMnist)
        case .fashion: return loc(.aboutFashion)
        case .circle: return loc(.aboutCircle)
        case .spiral: return loc(.aboutSpiral)
        case .gaussian: return loc(.aboutGaussian)
        case .csv:
            // Rows: every split's, the test split counting only when it was held out (test=0 tests on the training rows).
            let heldOut = (Double(parameters["test"] ?? "") ?? 1) > 0
            let rows = data.train.count + (data.validation?.count ?? 0) + (heldOut ? data.test.count : 0)
            let file = info.identity.files.first?.name ?? info.source
            return loc(.aboutCsvLoaded, file, rows, data.featureCount, parameters["label"] ?? "?")
        case .hihello:
            let steps = parameters["steps"] ?? "?", vocabulary = info.classNames.joined(separator: " ")
            // A text longer than 200 characters is recorded by its hash only.
            guard let text = parameters["text"], !text.hasPrefix("sha256:") else {
                return loc(.aboutLongTextLoaded, data.train.count, steps, vocabulary)
            }
            let chars = Array(text)
            let shown = chars.prefix(40).map(String.init).joined() + (chars.count > 40 ? "..." : "")
            return loc(.aboutTextLoaded, shown, data.train.count, steps, vocabulary)
        }
    }

    /// Where the loaded data came from: its folder or file, or how it was made.
    static func source(_ data: LoadedDataSet) -> String {
        guard let name = DataSetName(rawValue: data.info.name) else { return data.info.source }
        switch name {
        case .xor, .hihello: return loc(.sourceBuiltIn)
        case .circle, .spiral, .gaussian: return loc(.sourceGenerated, data.info.identity.parameters["seed"] ?? "?")
        case .mnist, .fashion, .csv: return data.info.source
        }
    }

    /// "55000 train / 5000 validation / 10000 test"
    static func splits(_ data: LoadedDataSet) -> String {
        if let validation = data.validation { return loc(.dataSplitsThree, data.train.count, validation.count, data.test.count) }
        return loc(.dataSplitsTwo, data.train.count, data.test.count)
    }
}
