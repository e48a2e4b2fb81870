// swift-tools-version: 6.0
// nnlab: a hands-on lab for learning how deep networks train.
//
// Layering (each module imports only those listed beside it; nothing imports "up"):
//   CBLAS, CZlib, CEditLine   system libraries (module maps and tiny C shims)
//   CKernels     nnlab's own arithmetic in C: matrix products, exp/log/tanh, softmax, optimizer
//                steps; scalar, AVX2, AVX-512 and NEON levels giving the same bits
//   NNCore       Matrix, BLAS-style products, seeded RNG, math     <- CKernels
//   NNEngine     layers, losses, initializers, optimizers, trainer <- NNCore, CKernels
//   NNData       IDX/gzip/CSV readers, data sets, MNIST fetching   <- NNCore, CZlib
//   NNFormats    safetensors, TensorBoard event files, exporters   <- NNEngine
//   TermCharts   terminal charts, digits, SVG                      <- (nothing)
//   LineEditing  the LineEditor protocol and a plain reader        <- TermCharts (text widths)
//   LibEditLine  the libedit LineEditor                            <- LineEditing, CEditLine
//   LabShell     command table, sessions, tutorials                <- all of the above but LibEditLine
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
        .target(name: "NNCore", dependencies: ["CKernels"]),
        .target(name: "NNEngine", dependencies: ["NNCore", "CKernels"]),
        .target(name: "NNData", dependencies: ["NNCore", "CZlib"], swiftSettings: testable),
        .target(name: "NNFormats", dependencies: ["NNEngine", "NNCore"], swiftSettings: testable),
        .target(name: "TermCharts", swiftSettings: testable),
        .target(name: "LineEditing", dependencies: ["TermCharts"], swiftSettings: testable),
        .target(name: "LibEditLine", dependencies: ["LineEditing", "CEditLine"], swiftSettings: testable),
        .target(name: "LabShell", dependencies: [
            "NNCore", "NNEngine", "NNData", "NNFormats", "TermCharts", "LineEditing",
        ], swiftSettings: testable),
        .executableTarget(name: "nnlab", dependencies: [
            "LabShell", "LibEditLine", "NNCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The benchmark's own C: the FMA peak from registers, and OpenBLAS's sgemm as the reference.
        .target(name: "CPeak", dependencies: ["CBLAS"], cSettings: [.unsafeFlags(["-O2"])],
                linkerSettings: [.linkedLibrary("openblas")]),
        .executableTarget(name: "nnbench", dependencies: ["NNCore", "NNEngine", "NNData", "CKernels", "CPeak"]),
        // A minimal REPL over LibEditLine that EndToEndTests drive through a pseudo-terminal.
        .executableTarget(name: "lineedit-demo", dependencies: ["LineEditing", "LibEditLine"]),

        // Shared by the test targets: running a program (nnlab, python3) and capturing its output.
        .target(name: "TestProcess", path: "Tests/TestProcess"),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore", "CKernels"]),
        .testTarget(name: "NNEngineTests", dependencies: ["NNEngine"]),
        .testTarget(name: "NNDataTests", dependencies: ["NNData"]),
        .testTarget(name: "NNFormatsTests", dependencies: ["NNFormats", "TestProcess"]),
        .testTarget(name: "TermChartsTests", dependencies: ["TermCharts"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "LibEditLine"]),
        .testTarget(name: "LabShellTests", dependencies: ["LabShell", "TestProcess"]),
        .testTarget(name: "EndToEndTests", dependencies: ["nnlab", "lineedit-demo", "TestProcess", "NNCore"]),
    ],
    swiftLanguageModes: [.v6]
)
