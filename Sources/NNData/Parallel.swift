// Parallel: a handful of independent jobs run on both cores, results returned in order.
//
// Loading an MNIST-style set decodes four files and checksums them; these jobs share nothing,
// so DispatchQueue.concurrentPerform spreads them over the machine's cores. Each job writes
// only its own result slot. Not a general task system: no cancellation, no nesting.

import Foundation

/// Runs independent jobs on both cores and returns their results in order.
enum Parallel {
    static func run<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
        let slots = Slots<T>(jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in slots.set(i, jobs[i]()) }
        return slots.values()
    }

    /// Results written by concurrent jobs, each to its own slot, under a lock.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [T?]
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
        func set(_ i: Int, _ value: T) { lock.lock(); items[i] = value; lock.unlock() }
        func values() -> [T] {
            lock.lock(); defer { lock.unlock() }
            return items.map { item in
                guard let item else { preconditionFailure("Parallel.run: a job did not finish") }
                return item
            }
        }
    }
}
