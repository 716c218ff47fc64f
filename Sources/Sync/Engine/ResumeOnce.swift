import Foundation

/// A continuation that several racers may try to resume; the first one wins.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        let pending: Result<T, any Error>? = lock.withLock {
            if let early { return early }
            self.continuation = continuation
            return nil
        }
        if let pending { continuation.resume(with: pending) }
    }

    func resume(with result: Result<T, any Error>) {
        let waiting: CheckedContinuation<T, any Error>? = lock.withLock {
            if let continuation {
                self.continuation = nil
                early = result
                return continuation
            }
            if early == nil { early = result }
            return nil
        }
        waiting?.resume(with: result)
    }
}
