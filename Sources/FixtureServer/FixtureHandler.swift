import NIOCore
import NIOHTTP1

/// Answers one connection's requests as `FixtureRoute` decides, without ever blocking its loop.
///
/// A delay is a task scheduled on the event loop; the pipelining handler in front of this
/// one holds back the next request of the connection until this response has ended.
final class FixtureHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Body bytes are written in slices of one shared chunk; its size is a multiple of the
    /// pattern's period (26), so consecutive slices continue the pattern.
    private static let chunkBytes = 26 * 2048

    /// The pattern's first `chunkBytes` bytes, built once and shared (read-only) by every connection.
    private static let chunk: ByteBuffer = {
        var buffer = ByteBufferAllocator().buffer(capacity: chunkBytes)
        for offset in 0..<chunkBytes { buffer.writeInteger(FixtureRoute.patternByte(at: offset)) }
        return buffer
    }()

    private var head: HTTPRequestHead?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
        case .body:
            break
        case .end:
            guard let requestHead = head else { return }
            head = nil
            answer(requestHead, context: context)
        }
    }

    private func answer(_ request: HTTPRequestHead, context: ChannelHandlerContext) {
        var route = FixtureRoute.resolve(request.uri)
        if request.method != .GET && request.method != .HEAD {
            route = FixtureRoute(status: 405, delayMs: 0, bodyBytes: 19, message: "only GET and HEAD")
        }
        let keepAlive = request.isKeepAlive
        let sendBody = request.method != .HEAD
        if route.delayMs > 0 {
            let loop = context.eventLoop.assumeIsolated()
            loop.scheduleTask(in: .milliseconds(Int64(route.delayMs))) {
                self.respond(route, version: request.version, keepAlive: keepAlive, sendBody: sendBody,
                             context: context)
            }
        } else {
            respond(route, version: request.version, keepAlive: keepAlive, sendBody: sendBody, context: context)
        }
    }

    private func respond(_ route: FixtureRoute, version: HTTPVersion, keepAlive: Bool, sendBody: Bool,
                         context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Length", value: String(route.bodyBytes))
        headers.add(name: "Content-Type", value: route.message == nil ? "application/octet-stream" : "text/plain")
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: route.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))),
                      promise: nil)
        if sendBody {
            if let message = route.message {
                let text = context.channel.allocator.buffer(string: message + "\n")
                context.write(wrapOutboundOut(.body(.byteBuffer(text))), promise: nil)
            } else {
                writePattern(bytes: route.bodyBytes, context: context)
            }
        }
        let ended = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            ended.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    private func writePattern(bytes: Int, context: ChannelHandlerContext) {
        let shared = Self.chunk
        var remaining = bytes
        while remaining > 0 {
            let count = min(remaining, Self.chunkBytes)
            context.write(wrapOutboundOut(.body(.byteBuffer(shared.getSlice(at: 0, length: count)!))), promise: nil)
            remaining -= count
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
