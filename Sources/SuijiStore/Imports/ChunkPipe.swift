// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Hands work from a producer thread to a consumer, a few pieces at a time: the producer waits
/// while `capacity` pieces are waiting, so memory stays bounded however much is produced. The
/// consumer takes pieces blocking (on a thread) or asynchronously; either side may stop early.
final class ChunkPipe<Element: Sendable, Final: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private var end: Result<Final, any Error>?
    private var cancelled = false
    private var waiter: CheckedContinuation<Element?, any Error>?
    private let capacity: Int

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Runs `produce` on a thread of its own (never on a pool the consumer might be waiting on),
    /// handing its pieces over with `put` and its result (or error) with `finish`.
    func start(_ produce: @escaping @Sendable (ChunkPipe) throws -> Final) {
        let thread = Thread { [self] in
            do { finish(.success(try produce(self))) } catch { finish(.failure(error)) }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Producer: hands `element` over, waiting while the pipe is full; false once the consumer
    /// has stopped (the producer should stop too).
    func put(_ element: Element) -> Bool {
        condition.lock()
        while buffer.count >= capacity && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            return false
        }
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: element)
            return true
        }
        buffer.append(element)
        condition.broadcast()
        condition.unlock()
        return true
    }

    private func finish(_ result: Result<Final, any Error>) {
        condition.lock()
        end = result
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        switch result {
        case .success: waiter?.resume(returning: nil)
        case .failure(let error): waiter?.resume(throwing: error)
        }
    }

    /// Consumer on a thread: the next piece, nil at the end; throws the producer's error.
    func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && end == nil { condition.wait() }
        if !buffer.isEmpty {
            condition.broadcast()
            return buffer.removeFirst()
        }
        if case .failure(let error) = end { throw error }
        return nil
    }

    /// Consumer in an async context: the next piece, nil at the end; throws the producer's error.
    func next() async throws -> Element? {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            if !buffer.isEmpty {
                let element = buffer.removeFirst()
                condition.broadcast()
                condition.unlock()
                continuation.resume(returning: element)
                return
            }
            switch end {
            case .success:
                condition.unlock()
                continuation.resume(returning: nil)
            case .failure(let error):
                condition.unlock()
                continuation.resume(throwing: error)
            case nil:
                waiter = continuation
                condition.unlock()
            }
        }
    }

    /// The producer's result, once `take` or `next` returned nil; waits for it otherwise.
    func result() throws -> Final {
        condition.lock()
        defer { condition.unlock() }
        while end == nil { condition.wait() }
        return try end!.get()
    }

    /// Consumer: stops the producer (its next `put` returns false) and drops what is waiting.
    func cancel() {
        condition.lock()
        cancelled = true
        buffer.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
