import Foundation

/// Runs independent pieces of work on every core and keeps the results in input order, so output stays
/// byte-for-byte deterministic however the work is scheduled.
enum ParallelMap {
    /// `body(0) … body(count - 1)`, in that order; runs serially on one core or for a single item.
    static func map<Result>(count: Int, _ body: (Int) -> Result) -> [Result] {
        guard count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return (0..<count).map(body) }
        let slots = Slots<Result>(count: count)
        withoutActuallyEscaping(body) { body in
            let work = UncheckedWork(body: body)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.store(work.body(index), at: index)
            }
        }
        return slots.take()
    }

    /// The caller's closure, handed to worker threads. Callers pass work that only reads shared state.
    private struct UncheckedWork<Result>: @unchecked Sendable {
        let body: (Int) -> Result
    }

    /// One slot per index; each index is written by exactly one worker, and read after all have finished.
    private final class Slots<Result>: @unchecked Sendable {
        private let buffer: UnsafeMutablePointer<Result?>
        private let count: Int

        init(count: Int) {
            self.count = count
            buffer = UnsafeMutablePointer<Result?>.allocate(capacity: count)
            buffer.initialize(repeating: nil, count: count)
        }

        deinit {
            buffer.deinitialize(count: count)
            buffer.deallocate()
        }

        func store(_ value: Result, at index: Int) { buffer[index] = value }

        func take() -> [Result] { (0..<count).map { buffer[$0]! } }
    }
}
