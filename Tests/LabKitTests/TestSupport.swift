// Helpers shared by the LabKit tests: temporary folders and who runs the tests.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh empty folder under the system temp dir, unique per call.
func makeTemporaryFolder(_ label: String = #function) throws -> URL {
    let safe = label.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("labkit-\(safe)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names in `folder`, sorted.
func folderContents(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

/// Whether the tests run as root (who can write into read-only folders).
var runningAsRoot: Bool { geteuid() == 0 }
