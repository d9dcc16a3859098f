import Foundation

/// Fans build events out to every open page over server-sent events.
///
/// The hub owns the state pages are told about, and a new subscriber gets it under the same lock that
/// broadcasts take: a page that connects while a rebuild finishes either sees the new state on connect
/// or receives the event, never neither.
public final class LiveReloadHub: Sendable {
    public enum Event: String, Sendable {
        /// Sent first on every connection: the page reloads if it is older than `generation`, and shows
        /// or hides the overlay.
        case state
        /// A good build: reload.
        case reload
        /// A failed build: show the overlay; the last good site stays served.
        case errors
    }

    private struct Subscribers {
        var current: BuildState
        var continuations: [Int: AsyncStream<String>.Continuation] = [:]
        /// Each open page's path, as it said when it connected.
        var pages: [Int: String] = [:]
        var nextID = 0
        var closed = false
    }

    private let subscribers: Locked<Subscribers>
    /// Event-stream responses still being written; the server waits for them to end before it stops,
    /// so each one is closed properly rather than cut.
    private let writing = Locked(0)

    public init(state: BuildState = BuildState(generation: 0)) {
        subscribers = Locked(Subscribers(current: state))
    }

    /// SSE messages for one page: a retry hint and the current state, then every event until `close()`.
    public func subscribe(page: String? = nil) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(16))
        subscribers.withLock { s in
            guard !s.closed else {
                continuation.finish()
                return
            }
            continuation.yield("retry: 1000\n\n")
            continuation.yield(Self.message(.state, s.current))
            let id = s.nextID
            s.nextID += 1
            s.continuations[id] = continuation
            if let page { s.pages[id] = page }
            continuation.onTermination = { [weak self] _ in
                self?.subscribers.withLock {
                    _ = $0.continuations.removeValue(forKey: id)
                    _ = $0.pages.removeValue(forKey: id)
                }
            }
        }
        return stream
    }

    /// Records the outcome of a build and tells every page.
    public func publish(_ state: BuildState) {
        subscribers.withLock { s in
            // Reload only for a new good build; errors gone without one (a commune built on request) just hide
            // the overlay.
            let event: Event = state.errors.isEmpty && state.generation > s.current.generation ? .reload : .errors
            s.current = state
            let message = Self.message(event, state)
            for continuation in s.continuations.values { continuation.yield(message) }
        }
    }

    /// A comment line: proxies and browsers keep the connection open, and a page that went away is
    /// noticed (its write fails) instead of being kept forever.
    public func ping() {
        subscribers.withLock { s in
            for continuation in s.continuations.values { continuation.yield(": ping\n\n") }
        }
    }

    /// Ends every stream, and refuses new ones: the server cannot stop while a page still listens.
    public func close() {
        let open = subscribers.withLock { s in
            s.closed = true
            defer { s.continuations = [:] }
            return Array(s.continuations.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// Writes one page's stream to the end, counted so that `drain` can wait for it.
    func write(_ stream: AsyncStream<String>, _ write: (String) async throws -> Void, finish: () async throws -> Void) async throws {
        writing.withLock { $0 += 1 }
        defer { writing.withLock { $0 -= 1 } }
        for await message in stream {
            try await write(message)
        }
        try await finish()
    }

    /// After `close()`: waits (briefly) until every stream has been written to its end.
    public func drain(timeout: Duration = .seconds(2)) async {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while writing.withLock({ $0 }) > 0, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    public var subscriberCount: Int { subscribers.withLock { $0.continuations.count } }

    /// The first folder of every open page's path ("/an-phu/thu-tuc/x/" → "an-phu"): in a province's
    /// preview, the communes someone is looking at.
    public var openFolders: Set<String> {
        subscribers.withLock { s in
            Set(s.pages.values.compactMap { path in path.split(separator: "/").first.map { String($0).removingPercentEncoding ?? String($0) } })
        }
    }
    public var current: BuildState { subscribers.withLock { $0.current } }

    static func message(_ event: Event, _ state: BuildState) -> String {
        "event: \(event.rawValue)\ndata: \(ReloadScript.json(state))\n\n"
    }
}
