// Timing and memory helpers for the benchmark.

import Foundation

/// Seconds on the monotonic clock.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The process's peak resident memory so far, in MB.
func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// "1.234"
func f3(_ x: Double) -> String { String(format: "%.3f", x) }
func f1(_ x: Double) -> String { String(format: "%.1f", x) }
