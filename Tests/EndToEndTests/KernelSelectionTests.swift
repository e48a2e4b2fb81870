// The kernel level as a user meets it: `nnlab --version` names it, NNLAB_KERNELS forces one,
// a level this CPU lacks or a bad NNLAB_THREADS is refused at start, and the same session gives
// the same figures at every level the CPU has.

import Foundation
import NNCore
import Testing
import TestProcess

@Suite("Kernel levels from the command line", .enabled(if: NNLabBinary.path != nil, NNLabBinary.notBuiltMessage))
struct KernelSelectionTests {
    func nnlab(_ arguments: [String], _ environment: [String: String]) throws -> (status: Int32, output: String) {
        try runProcess(NNLabBinary.path ?? "/nonexistent", arguments, environment: environment)
    }

    @Test("--version names the level, the threads and the arithmetic; NNLAB_KERNELS and NNLAB_THREADS set them")
    func version() throws {
        let plain = try nnlab(["--version"], [:])
        #expect(plain.status == 0 && plain.output.contains("kernels: \(Arithmetic.level.rawValue)")
                && plain.output.contains("arithmetic \(Arithmetic.name)"), "\(plain.output)")
        let forced = try nnlab(["--version"], ["NNLAB_KERNELS": "scalar", "NNLAB_THREADS": "1"])
        #expect(forced.output.contains("kernels: scalar, 1 thread, arithmetic"), "\(forced.output)")
    }

    @Test("an unknown level, a level the CPU lacks and a bad thread count are refused with the fix")
    func refused() throws {
        let unknown = try nnlab(["-c", "seed 1"], ["NNLAB_KERNELS": "avx9"])
        #expect(unknown.status == 2 && unknown.output.contains("NNLAB_KERNELS=avx9 is not a kernel level: use scalar, avx2, avx512 or neon"))
        if let missing = Arithmetic.Level.allCases.first(where: { !$0.isSupported }) {
            let lacking = try nnlab(["-c", "seed 1"], ["NNLAB_KERNELS": missing.rawValue])
            #expect(lacking.status == 2 && lacking.output.contains("this CPU cannot run the \(missing.rawValue) kernels"), "\(lacking.output)")
        }
        let threads = try nnlab(["-c", "seed 1"], ["NNLAB_THREADS": "many"])
        #expect(threads.status == 2 && threads.output.contains("NNLAB_THREADS=many is not a thread count"))
    }

    @Test("one training prints the same figures at every level and thread count")
    func sameFigures() throws {
        let script = "seed 5; data load spiral; layer add dense 32 tanh; layer add dropout 0.8; layer add dense 16 elu; "
            + "layer add dense 2 softmax; optimizer adam lr=0.01; train epochs=20 batch=16; eval test"
        var outputs: [String: String] = [:]
        for level in Arithmetic.supportedLevels {
            for threads in ["1", "2"] {
                let run = try nnlab(["-c", script], ["NNLAB_KERNELS": level.rawValue, "NNLAB_THREADS": threads])
                #expect(run.status == 0, "\(run.output)")
                let figures = run.output.split(separator: "\n").filter { $0.hasPrefix("epoch") || $0.hasPrefix("test:") }
                    .map { $0.replacingOccurrences(of: #"  [0-9.]+ s$"#, with: "", options: .regularExpression) }
                outputs["\(level) \(threads)"] = figures.joined(separator: "\n")
            }
        }
        let reference = try #require(outputs["scalar 1"])
        #expect(reference.contains("test: accuracy"))
        for (name, output) in outputs { #expect(output == reference, "\(name)") }
    }
}
