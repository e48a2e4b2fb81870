// BuiltProduct: finds an executable built alongside the test bundle (e.g. lineedit-demo).
//
// SwiftPM writes every product of one build configuration into the same folder
// (.build/<triple>/debug, or release), the test bundle included. So the sturdiest way to find a
// sibling executable is the folder of the test binary that is running right now: on Linux that is
// /proc/self/exe (what Bundle.main.executableURL reports), whatever the working directory, and
// whether `swift test` ran it directly, with --skip-build or as a --parallel worker. On macOS the
// test bundle is loaded by xctest, so its folder comes from the loaded .xctest bundle instead.
// An environment variable can point elsewhere; #filePath's package root is the last resort.

import Foundation

enum BuiltProduct {
    /// The path of the executable `name`, or nil when it is not built.
    /// `environmentKey` names a variable that, when set, overrides the search.
    static func path(of name: String, environmentKey: String) -> String? {
        candidates(for: name, environmentKey: environmentKey)
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Where `name` may be, most trusted first.
    static func candidates(for name: String, environmentKey: String) -> [String] {
        var folders: [URL] = []
        if let override = ProcessInfo.processInfo.environment[environmentKey], !override.isEmpty {
            return [override]
        }
        if let running = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            folders.append(running.deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        // This file is Tests/EndToEndTests/Support/BuiltProduct.swift: four levels below the root.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent(name).path }
    }
}
