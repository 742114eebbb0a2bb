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

    /// `first()` on this thread while `second()` runs on a thread of its own (so it does not take a worker the
    /// parallel maps inside `first` count on); both results, or the error `second` threw. Serial on one core.
    static func both<First, Second, Failure: Error>(_ first: () -> First, _ second: () throws(Failure) -> Second) throws(Failure) -> (First, Second) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), try second()) }
        return try withoutActuallyEscaping(second) { second throws(Failure) -> (First, Second) in
            let job = Job<Second, Failure>(second)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread { job.run(); done.signal() }
            thread.stackSize = 8 << 20
            thread.start()
            let firstResult = first()
            done.wait()
            return (firstResult, try job.result!.get())
        }
    }

    /// The other thread's work and, once it ran, its result. The thread holds the job, not the closure, and the
    /// job lets go of the closure when done: it must not outlive `withoutActuallyEscaping`.
    private final class Job<Value, Failure: Error>: @unchecked Sendable {
        private var body: (() throws(Failure) -> Value)?
        var result: Result<Value, Failure>?

        init(_ body: @escaping () throws(Failure) -> Value) { self.body = body }

        func run() {
            guard let body else { return }
            result = Result { () throws(Failure) -> Value in try body() }
            self.body = nil
        }
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
