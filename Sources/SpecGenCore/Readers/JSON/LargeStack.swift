import Foundation

/// Stack room for recursive work on deeply nested documents when `ReaderLimits.maxDepth` is raised past
/// the default: the JSON reader never recurses, but the YAML parser, the OpenAPI reader and the emitters
/// do, once or more per nesting level. A front end that accepts `--max-depth` runs its work through
/// `LargeStack.run(stackSize: LargeStack.size(forDepth: limits.maxDepth)) { … }`.
public enum LargeStack {
    /// Bytes of stack to give a recursive reader for `depth` levels (at least 8 MiB, at most 1 GiB).
    public static func size(forDepth depth: Int) -> Int {
        min(1 << 30, max(8 << 20, 1 << 20 + depth.multipliedReportingOverflow(by: 16 << 10).partialValue))
    }

    /// Runs `body` on a new thread with `bytes` of stack and waits for its result. Stack pages are only
    /// committed when touched, so a large reservation costs nothing for shallow input.
    public static func run<T: Sendable>(stackSize bytes: Int, _ body: @escaping @Sendable () -> T) -> T {
        let box = LargeStackResult<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        return box.value!
    }
}

/// Carries a result from the worker thread; the semaphore orders the write before the read.
private final class LargeStackResult<T>: @unchecked Sendable {
    var value: T?
}
