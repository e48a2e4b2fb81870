// Temporary folders for tests, shared by the test targets (with running programs, RunProcess.swift).

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh empty folder under the system temp dir, unique per call, named after the test.
public func makeTemporaryFolder(_ label: String = #function) throws -> URL {
    let safe = label.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-test-\(safe)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names in `folder`, sorted.
public func folderContents(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

/// Whether the tests run as root (who can write into read-only folders).
public var runningAsRoot: Bool { geteuid() == 0 }
