// DataRequest: what `data load NAME [PATH] [key=value ...]` asks for, parsed and checked.
//
// The words after `data load` become one value naming the set and its typed options, or a
// .badOption / .unknownDataSet error naming the word that was wrong. Which options exist is
// read from the catalog's declarations (DataCatalog.entries), so `data info` and the parser
// cannot disagree. Loading the request is DataCatalog's job.

import Foundation

/// A parsed request for one data set.
public struct DataRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case xor
        case mnist
        case fashion
        case csv(path: String, options: CSVOptions)
        case points(PointSetKind, PointSetOptions)
        case sequence(SequenceOptions)
    }

    public var kind: Kind
    /// Keep only the first `limit` training examples (`limit=N`).
    public var limit: Int?

    public init(_ kind: Kind, limit: Int? = nil) {
        self.kind = kind
        self.limit = limit
    }

    /// The catalog name of the set requested.
    public var name: String {
        switch kind {
        case .xor: return "xor"
        case .mnist: return "mnist"
        case .fashion: return "fashion"
        case .csv: return "csv"
        case let .points(k, _): return k.rawValue
        case .sequence: return "hihello"
        }
    }

    /// Parses `words` such as ["csv", "iris.csv", "label=species", "test=0.3"] or ["spiral", "noise=0.1"].
    public static func parse(_ words: [String]) throws(DataError) -> DataRequest {
        let known = DataCatalog.entries.map(\.name)
        guard let first = words.first else { throw .unknownDataSet(name: "", known: known) }
        let name = DataCatalog.canonicalName(first)
        guard let entry = DataCatalog.entry(named: name) else { throw .unknownDataSet(name: first, known: known) }

        // Split the rest into key=value options and positional words (only csv takes one: PATH).
        var options: [String: String] = [:]
        var positional: [String] = []
        for word in words.dropFirst() {
            if let eq = word.firstIndex(of: "="), entry.options.contains(where: { $0.name == String(word[..<eq]) }) {
                let key = String(word[..<eq])
                if options[key] != nil { throw .badOption(dataSet: name, option: key, problem: .givenTwice) }
                options[key] = String(word[word.index(after: eq)...])
            } else if let eq = word.firstIndex(of: "="), entry.name != "csv" || !positional.isEmpty {
                throw .badOption(dataSet: name, option: String(word[..<eq]),
                                 problem: .notAnOption(dataSet: name, options: entry.options.map(\.name)))
            } else {
                positional.append(word)
            }
        }
        let allowedPositional = entry.name == "csv" ? 1 : 0
        if positional.count > allowedPositional {
            throw .badOption(dataSet: name, option: positional[allowedPositional],
                             problem: .unexpectedWord(usage: entry.usage))
        }
        let reader = OptionReader(dataSet: name, values: options)
        let limit = try reader.int("limit", in: 1...10_000_000)

        let kind: Kind
        switch name {
        case "xor": kind = .xor
        case "mnist": kind = .mnist
        case "fashion": kind = .fashion
        case "csv":
            guard let path = positional.first else {
                throw .badOption(dataSet: name, option: "PATH", problem: .missingPath(usage: entry.usage))
            }
            guard let label = options["label"], !label.isEmpty else {
                throw .badOption(dataSet: name, option: "label", problem: .required(usage: entry.usage))
            }
            let split = try reader.split(defaultTest: 0.2, defaultValidation: 0)
            let header = try reader.choice("header", CSVOptions.Header.self) ?? .auto
            kind = .csv(path: path, options: CSVOptions(label: label, split: split, header: header))
        case "hihello":
            let defaults = SequenceOptions()
            let steps = try reader.int("steps", in: 1...1000) ?? defaults.steps
            kind = .sequence(SequenceOptions(text: options["text"] ?? defaults.text, steps: steps))
        default:
            guard let pointKind = PointSetKind(rawValue: name) else { throw .unknownDataSet(name: first, known: known) }
            let defaults = PointSetOptions()
            let options = PointSetOptions(
                samples: try reader.int("samples", in: 8...1_000_000) ?? defaults.samples,
                noise: try reader.double("noise", in: 0...1) ?? defaults.noise,
                classes: try reader.int("classes", in: 2...10) ?? defaults.classes,
                split: try reader.split(defaultTest: defaults.split.test, defaultValidation: defaults.split.validation))
            kind = .points(pointKind, options)
        }
        return DataRequest(kind, limit: limit)
    }
}

/// Typed access to `key=value` options, with errors that name the option and the bad value.
private struct OptionReader {
    let dataSet: String
    let values: [String: String]

    func int(_ key: String, in range: ClosedRange<Int>) throws(DataError) -> Int? {
        guard let text = values[key] else { return nil }
        guard let v = Int(text) else { throw .badOption(dataSet: dataSet, option: key, problem: .notWhole(text: text)) }
        guard range.contains(v) else {
            throw .badOption(dataSet: dataSet, option: key, problem: .wholeOutOfRange(value: v, range: range))
        }
        return v
    }

    func double(_ key: String, in range: ClosedRange<Double>) throws(DataError) -> Double? {
        guard let text = values[key] else { return nil }
        guard let v = Double(text), v.isFinite else { throw .badOption(dataSet: dataSet, option: key, problem: .notNumber(text: text)) }
        guard range.contains(v) else {
            throw .badOption(dataSet: dataSet, option: key, problem: .numberOutOfRange(text: text, range: range))
        }
        return v
    }

    func choice<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(DataError) -> T? where T.RawValue == String {
        guard let text = values[key] else { return nil }
        guard let v = T(rawValue: text.lowercased()) else {
            throw .badOption(dataSet: dataSet, option: key, problem: .notAllowed(text: text))
        }
        return v
    }

    /// test= and validation= as fractions, checked together.
    func split(defaultTest: Double, defaultValidation: Double) throws(DataError) -> SplitFractions {
        let fractions = SplitFractions(test: try double("test", in: 0...0.95) ?? defaultTest,
                                       validation: try double("validation", in: 0...0.95) ?? defaultValidation)
        if let problem = fractions.problem { throw .badOption(dataSet: dataSet, option: "test/validation", problem: .split(problem)) }
        return fractions
    }
}
