import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// N consoles long-polling one dispatchd, each on its own keep-alive connection, written on
/// SwiftNIO so 10,000 of them cost a few MB here rather than a thread or a URLSession each.
final class LongPollFleet: @unchecked Sendable {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let lock = NSLock()
    private var arrivals: [ContinuousClock.Instant] = []
    private var connected = 0
    private var failures = 0
    private var channels: [any Channel] = []
    let tokens: [String]
    let port: Int

    init(port: Int, tokens: [String]) {
        self.port = port
        self.tokens = tokens
    }

    /// Connects `count` clients, `batch` at a time, each starting its long-poll at `cursor`.
    func connect(count: Int, cursor: String, batch: Int = 500) async throws {
        var next = 0
        while next < count {
            let upper = min(count, next + batch)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for index in next ..< upper {
                    tasks.addTask { try await self.connectOne(index: index, cursor: cursor) }
                }
                try await tasks.waitForAll()
            }
            next = upper
        }
    }

    private func connectOne(index: Int, cursor: String) async throws {
        let token = tokens[index % tokens.count]
        let handler = PollHandler(fleet: self, token: token, clientId: "loadtest-\(index)", cursor: cursor)
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMap { channel.pipeline.addHandler(handler) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        lock.withLock {
            channels.append(channel)
            connected += 1
        }
    }

    var connectedCount: Int { lock.withLock { connected } }
    var failureCount: Int { lock.withLock { failures } }

    /// Arrivals of non-empty pages since the last call.
    func takeArrivals() -> [ContinuousClock.Instant] {
        lock.withLock {
            defer { arrivals.removeAll(keepingCapacity: true) }
            return arrivals
        }
    }

    func arrivalCount() -> Int { lock.withLock { arrivals.count } }

    func recordArrival(_ at: ContinuousClock.Instant) { lock.withLock { arrivals.append(at) } }
    func recordFailure() { lock.withLock { failures += 1 } }

    func shutdown() async {
        let all = lock.withLock { channels }
        for channel in all { try? await channel.close() }
        try? await group.shutdownGracefully()
    }
}

/// One console's long-poll loop: pull with `wait`, note when a page with changes arrives,
/// pull again from the new cursor.
final class PollHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    let fleet: LongPollFleet
    let token: String
    let clientId: String
    var cursor: String
    private var body = ByteBuffer()
    private var status: HTTPResponseStatus = .ok

    init(fleet: LongPollFleet, token: String, clientId: String, cursor: String) {
        self.fleet = fleet
        self.token = token
        self.clientId = clientId
        self.cursor = cursor
    }

    func channelActive(context: ChannelHandlerContext) {
        pull(context)
    }

    private func pull(_ context: ChannelHandlerContext) {
        var head = HTTPRequestHead(version: .http1_1, method: .GET,
                                   uri: "/v1/pull?wait=30&limit=200&clientId=\(clientId)&cursor=\(cursor)")
        head.headers.add(name: "Host", value: "127.0.0.1")
        head.headers.add(name: "Authorization", value: "Bearer \(token)")
        head.headers.add(name: "Dispatch-Protocol", value: "1")
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = head.status
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            let now = ContinuousClock.now
            let text = body.readString(length: body.readableBytes) ?? ""
            guard status == .ok, let range = text.range(of: #""cursor":""#),
                  let end = text[range.upperBound...].firstIndex(of: "\"") else {
                fleet.recordFailure()
                context.close(promise: nil)
                return
            }
            cursor = String(text[range.upperBound ..< end])
            if text.contains(#""loads":"#) || text.contains(#""drivers":"#) { fleet.recordArrival(now) }
            pull(context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fleet.recordFailure()
        context.close(promise: nil)
    }
}
