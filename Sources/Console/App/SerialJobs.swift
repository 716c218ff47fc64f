/// Runs jobs one at a time, in the order they were submitted.
///
/// Edits go through here: two keys pressed in quick succession must queue their mutations in
/// the order they were made, which one detached task per edit did not promise.
final class SerialJobs: Sendable {
    typealias Job = @Sendable () async -> Void
    private let continuation: AsyncStream<Job>.Continuation

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Job.self)
        self.continuation = continuation
        Task.detached {
            for await job in stream { await job() }
        }
    }

    deinit { continuation.finish() }

    func submit(_ job: @escaping Job) {
        continuation.yield(job)
    }

    /// Returns once every job submitted before it has finished.
    func drain() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            submit { done.resume() }
        }
    }
}
