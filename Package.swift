// swift-tools-version: 6.0
// nnlab: a hands-on lab for learning how deep networks train.
//
// Layering (each module imports only those listed beside it; nothing imports "up"). README.md's
// "Where things are" shows the same map, with where to add a command, a layer, a lesson, a format:
//   CBLAS, CZlib, CEditLine   system libraries (module maps and tiny C shims)
//   CKernels     nnlab's own arithmetic in C: matrix products, exp/log/tanh, softmax, optimizer
//                steps; scalar, AVX2, AVX-512 and NEON levels giving the same bits
//   LabKit       atomic file writes, number formats, display width <- (nothing)
//   NNCore       Matrix, BLAS-style products, seeded RNG, math     <- CKernels
//   NNEngine     layers, losses, initializers, optimizers, trainer <- NNCore, CKernels
//   NNData       IDX/gzip/CSV readers, data sets, MNIST fetching   <- NNCore, LabKit, CZlib, Crypto
//   NNFormats    safetensors, TensorBoard event files, exporters   <- NNEngine, NNCore, LabKit
//   TermCharts   terminal charts, digits, SVG and PNG              <- LabKit, CZlib
//   LineEditing  the LineEditor protocol and a plain reader        <- LabKit
//   LibEditLine  the libedit LineEditor                            <- LineEditing, CEditLine
//   LabText      what the lab says, in English and Korean: the message catalogs, the Korean
//                command texts, the glossary                        <- TermCharts, LabKit
//   LabCore      the lab, command declarations, parser, interpreter <- LabText, NNEngine, NNData, NNFormats,
//                                                                     TermCharts, LineEditing, LabKit
//   LabCommands  the commands that build, train and inspect         <- LabCore (+ the engine's modules)
//   LabSessions  save/load/replay, autosave journal, recovery       <- LabCommands, LabCore
//   LabTutorials lessons, runner, checks, verifier                  <- LabCore
//   LabShell     the whole command table and the REPL loop          <- the Lab modules, LineEditing
//   nnlab        the executable: argument parsing and wiring
//   CPeak        nnbench's C: the FMA peak from registers; OpenBLAS's sgemm (CBLAS) as the reference
//   nnbench      the benchmark executable (make bench): nnlab's kernels against OpenBLAS and the peak
//   lineedit-demo  a tiny REPL over LibEditLine, driven by EndToEndTests through a pty
import PackageDescription

/// Tests run against the release build (one build serves the binary, the benchmark and the tests),
/// so modules whose tests use `@testable import` keep their internals visible in release too.
/// The engine's modules (NNCore, NNEngine) are tested through their public API and stay fully optimized.
let testable: [SwiftSetting] = [.unsafeFlags(["-enable-testing"], .when(configuration: .release))]

let package = Package(
    name: "nnlab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nnlab", targets: ["nnlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine"),

        // -ffp-contract=off: a fused multiply-add only where fmaf or an FMA intrinsic says so.
        // -fno-math-errno: sqrtf may then vectorize (it is exact either way; errno is never read).
        .target(name: "CKernels",
                cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off", "-fno-math-errno"])],
                linkerSettings: [.linkedLibrary("pthread", .when(platforms: [.linux]))]),
        .target(name: "LabKit", swiftSettings: testable),
        .target(name: "NNCore", dependencies: ["CKernels"]),
        .target(name: "NNEngine", dependencies: ["NNCore", "CKernels"]),
        .target(name: "NNData", dependencies: [
            "NNCore", "LabKit", "CZlib", .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: testable),
        .target(name: "NNFormats", dependencies: ["NNEngine", "NNCore", "LabKit"], swiftSettings: testable),
        .target(name: "TermCharts", dependencies: ["LabKit", "CZlib"], swiftSettings: testable),
        .target(name: "LineEditing", dependencies: ["LabKit"], swiftSettings: testable),
        .target(name: "LibEditLine", dependencies: ["LineEditing", "CEditLine"], swiftSettings: testable),
        .target(name: "LabText", dependencies: ["TermCharts", "LabKit"], swiftSettings: testable),
        .target(name: "LabCore", dependencies: [
            "LabText", "LabKit", "NNCore", "NNEngine", "NNData", "NNFormats", "TermCharts", "LineEditing",
        ], swiftSettings: testable),
        .target(name: "LabCommands", dependencies: [
            "LabCore", "LabText", "LabKit", "NNCore", "NNEngine", "NNData", "NNFormats", "TermCharts",
        ], swiftSettings: testable),
        .target(name: "LabSessions", dependencies: [
            "LabCore", "LabText", "LabCommands", "LabKit", "NNCore", "NNEngine", "NNData", "NNFormats", "TermCharts",
        ], swiftSettings: testable),
        .target(name: "LabTutorials", dependencies: [
            "LabCore", "LabText", "LabKit", "NNCore", "NNEngine", "NNData", "NNFormats", "TermCharts",
        ], swiftSettings: testable),
        .target(name: "LabShell", dependencies: [
            "LabCore", "LabText", "LabCommands", "LabSessions", "LabTutorials", "LabKit", "LineEditing",
        ], swiftSettings: testable),
        .executableTarget(name: "nnlab", dependencies: [
            "LabShell", "LabCore", "LabSessions", "LabTutorials", "LabText", "LibEditLine", "LineEditing", "NNCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The benchmark's own C: the FMA peak from registers, and OpenBLAS's sgemm as the reference.
        .target(name: "CPeak", dependencies: ["CBLAS"], cSettings: [.unsafeFlags(["-O2"])],
                linkerSettings: [.linkedLibrary("openblas")]),
        .executableTarget(name: "nnbench", dependencies: ["NNCore", "NNEngine", "NNData", "CKernels", "CPeak"]),
        // A minimal REPL over LibEditLine that EndToEndTests drive through a pseudo-terminal.
        .executableTarget(name: "lineedit-demo", dependencies: ["LineEditing", "LibEditLine"]),

        // Shared by the test targets: running a program (nnlab, python3) and capturing its output;
        // temporary folders.
        .target(name: "TestProcess", path: "Tests/TestProcess"),
        .testTarget(name: "LabKitTests", dependencies: ["LabKit", "TestProcess"]),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore", "CKernels"]),
        .testTarget(name: "NNEngineTests", dependencies: ["NNEngine"]),
        .testTarget(name: "NNDataTests", dependencies: ["NNData"]),
        .testTarget(name: "NNFormatsTests", dependencies: ["NNFormats", "LabKit", "TestProcess"]),
        .testTarget(name: "TermChartsTests", dependencies: ["TermCharts", "LabKit", "CZlib"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "LabKit", "LibEditLine"]),
        .testTarget(name: "LabShellTests", dependencies: [
            "LabShell", "LabCore", "LabCommands", "LabSessions", "LabTutorials", "LabText", "LabKit", "TestProcess",
        ],
                    exclude: ["Golden"]),  // help-*.txt, read by HelpGoldenTests through #filePath
        .testTarget(name: "EndToEndTests", dependencies: ["nnlab", "lineedit-demo", "TestProcess", "NNCore"]),
    ],
    swiftLanguageModes: [.v6]
)
