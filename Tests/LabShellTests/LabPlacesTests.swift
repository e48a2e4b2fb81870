// Where a starting nnlab looks: the install (NNLAB_HOME, PREFIX/share/nnlab beside bin/, the
// checkout above the binary), the state and data folders (XDG, else under HOME), and the folder it
// was started in for everything the learner saves.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Lab places")
struct LabPlacesTests {
    /// A temporary tree: an install prefix, a checkout, a home and a work folder.
    final class Tree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-places-\(UUID().uuidString)")
        var prefix: URL { root.appendingPathComponent("prefix") }
        var checkout: URL { root.appendingPathComponent("checkout") }
        var home: URL { root.appendingPathComponent("home") }
        var work: URL { root.appendingPathComponent("work") }

        init() throws {
            let fm = FileManager.default
            for dir in ["prefix/bin", "prefix/share/nnlab/tutorials", "prefix/share/nnlab/sessions",
                        "checkout/.build/x86_64-unknown-linux-gnu/release", "checkout/tutorials", "checkout/sessions", "home", "work"] {
                try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
            }
            try "// swift-tools-version: 6.0\n".write(to: checkout.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        var installedBinary: URL { prefix.appendingPathComponent("bin/nnlab") }
        var devBinary: URL { checkout.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release/nnlab") }
    }

    @Test("an installed binary reads PREFIX/share/nnlab; saves go to the folder it was started in; state and data in the home")
    func installed() throws {
        let t = try Tree()
        let paths = LabPaths.discover(environment: ["HOME": t.home.path], executable: t.installedBinary, cwd: t.work)
        #expect(paths.root.path == t.prefix.appendingPathComponent("share/nnlab").path)
        #expect(paths.tutorials.path == t.prefix.appendingPathComponent("share/nnlab/tutorials").path)
        #expect(paths.examples.path == t.prefix.appendingPathComponent("share/nnlab/sessions").path)
        #expect(paths.sessions.path == t.work.appendingPathComponent("sessions").path && paths.examplesApart)
        #expect(paths.state.path == t.home.appendingPathComponent(".local/state/nnlab").path)
        #expect(paths.data.path == t.home.appendingPathComponent(".local/share/nnlab").path)
    }

    @Test("NNLAB_HOME comes first; XDG folders are honoured when absolute and ignored when relative")
    func environment() throws {
        let t = try Tree()
        let env = ["HOME": t.home.path, "NNLAB_HOME": t.checkout.path, "XDG_STATE_HOME": "/xdg/state", "XDG_DATA_HOME": "relative"]
        let paths = LabPaths.discover(environment: env, executable: t.installedBinary, cwd: t.work)
        #expect(paths.root.path == t.checkout.path)
        #expect(paths.state.path == "/xdg/state/nnlab")
        #expect(paths.data.path == t.home.appendingPathComponent(".local/share/nnlab").path, "a relative XDG_DATA_HOME is ignored")
    }

    @Test("a development build finds its checkout; started there, the checkout's sessions/ and data/ are the lab's")
    func checkout() throws {
        let t = try Tree()
        let elsewhere = LabPaths.discover(environment: ["HOME": t.home.path], executable: t.devBinary, cwd: t.work)
        #expect(elsewhere.root.path == t.checkout.path && elsewhere.sessions.path == t.work.appendingPathComponent("sessions").path)
        #expect(elsewhere.data.path == t.home.appendingPathComponent(".local/share/nnlab").path, "no data/ in the checkout: the user's")

        try FileManager.default.createDirectory(at: t.checkout.appendingPathComponent("data"), withIntermediateDirectories: true)
        let withData = LabPaths.discover(environment: ["HOME": t.home.path], executable: t.devBinary, cwd: t.work)
        #expect(withData.dataOverride?.path == t.checkout.appendingPathComponent("data").path, "the checkout's fetched MNIST is read")
        #expect(withData.data.path == t.home.appendingPathComponent(".local/share/nnlab").path, "but nothing is fetched into it")
        let given = LabPaths.discover(environment: ["HOME": t.home.path], executable: t.devBinary, cwd: t.work, dataOverride: t.work)
        #expect(given.dataOverride?.path == t.work.path, "--data-dir comes first")

        let inside = LabPaths.discover(environment: ["HOME": t.home.path], executable: t.devBinary, cwd: t.checkout)
        #expect(inside.sessions.path == inside.examples.path && !inside.examplesApart)
        #expect(inside.data.path == t.checkout.appendingPathComponent("data").path && inside.dataOverride == nil)
        #expect(inside.shown(inside.sessions.appendingPathComponent("x.nnlab")) == "sessions/x.nnlab")
    }

    @Test("load looks in ./sessions first, then the examples, and says which; the examples are never written")
    func sessionsThenExamples() throws {
        let t = try Tree()
        let paths = LabPaths.discover(environment: ["HOME": t.home.path], executable: t.installedBinary, cwd: t.work)
        try "x".write(to: paths.examples.appendingPathComponent("demo.nnlab"), atomically: true, encoding: .utf8)
        #expect(SessionPlaces.find("demo", paths: paths)?.source == .example)
        #expect(SessionPlaces.find("nothing", paths: paths) == nil)
        try FileManager.default.createDirectory(at: paths.sessions, withIntermediateDirectories: true)
        try "y".write(to: paths.sessions.appendingPathComponent("demo.nnlab"), atomically: true, encoding: .utf8)
        let found = try #require(SessionPlaces.find("demo", paths: paths))
        #expect(found.source == .own && SessionPlaces.origin(found, paths: paths, language: .en) == "from sessions/demo.nnlab")
        #expect(SessionPlaces.names(paths) == ["demo"])
    }
}
