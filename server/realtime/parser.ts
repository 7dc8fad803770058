import { Decoder as SocketIoDecoder, Encoder, PacketType, type Packet } from 'socket.io-parser'
import type { Socket } from 'socket.io'
import { duplicateKeyIn } from '../platform/http/duplicateKeys'

/**
 * The event a frame that could not be read is delivered as, with the frame's ack id, so that the
 * command wrapper's catch-all answers it (VALIDATION) instead of the connection just closing.
 */
export const MALFORMED_EVENT = 'papan:malformed'

/**
 * What may be held while a connect is being authenticated (the text of the frames); a client
 * sending more before its connect is answered is not a client, and its connection is closed.
 */
const MAX_EARLY_BYTES = 64 * 1024

/** `2[/nsp,]<ack id>…`: an event frame with an ack id, whatever follows it. */
const EVENT_WITH_ACK = /^2(\/[^,]*,)?(\d+)/

/**
 * socket.io-parser's decoder with two differences, so that every command with an ack id is
 * answered exactly once:
 *
 * - A frame it cannot decode (not JSON, a reserved or missing event name, a key twice in one
 *   object) closes the connection in Socket.IO, unanswered. Here an event frame with an ack id
 *   becomes a MALFORMED_EVENT with that id instead; other unreadable frames still close it.
 * - Socket.IO authenticates a connect asynchronously (our middleware reads the session from the
 *   database) and closes the connection when an event arrives for a namespace that is still
 *   connecting. A compliant client waits for the connect's answer, a raw one need not: events
 *   that follow a CONNECT are held here and handed on once `releaseEarlyPackets` says it is done.
 */
class CommandDecoder extends SocketIoDecoder {
  // The base class emits what it decodes through its own `super`, past any override; so the
  // decoding is done by an inner decoder, and this one only passes packets on (or holds them).
  private readonly inner = new SocketIoDecoder()
  private decoded: Packet[] = []
  /** The frames held for the app's one namespace while its connect is authenticated, if one is. */
  private held: Packet[] | null = null
  private heldBytes = 0
  private frameBytes = 0

  constructor() {
    super()
    this.inner.on('decoded', (packet) => this.decoded.push(packet))
  }

  override add(obj: unknown): void {
    const withAck = typeof obj === 'string' ? EVENT_WITH_ACK.exec(obj) : null
    this.frameBytes = typeof obj === 'string' ? obj.length : 0
    try {
      if (withAck && duplicateKeyIn(obj as string) !== null) throw new Error('duplicate key')
      this.inner.add(obj)
    } catch (err) {
      if (!withAck) throw err
      this.decoded = [{ type: PacketType.EVENT, nsp: withAck[1]?.slice(0, -1) ?? '/', id: Number(withAck[2]), data: [MALFORMED_EVENT] }]
    }
    // Outside the try: only a decoding failure becomes MALFORMED_EVENT, never a listener's.
    const packets = this.decoded
    this.decoded = []
    for (const packet of packets) this.deliver(packet)
  }

  override destroy(): void {
    this.inner.destroy()
    this.held = null
  }

  private deliver(packet: Packet): void {
    // Only the app's namespace: a connect to any other is answered "Invalid namespace" by
    // Socket.IO, and what follows it closes the connection, as it always did.
    if (packet.nsp === '/') {
      if (packet.type === PacketType.CONNECT) {
        // A new connect replaces what an earlier, failed one held: those frames were never authorised.
        this.held = []
        this.heldBytes = 0
      } else if (this.held) {
        this.heldBytes += this.frameBytes
        if (this.heldBytes > MAX_EARLY_BYTES) throw new Error('too much sent before the connect was answered')
        this.held.push(packet)
        return
      }
    }
    this.emitReserved('decoded', packet)
  }

  release(): void {
    const held = this.held ?? []
    this.held = null
    this.heldBytes = 0
    for (const packet of held) this.emitReserved('decoded', packet)
  }
}

/** The `parser` option of the Socket.IO server. */
export const commandParser = { Encoder, Decoder: CommandDecoder }

/**
 * Hands on the frames that arrived while this socket's connect was authenticated. Called from the
 * first `connection` listener: Socket.IO handles each on the next tick, by when every listener
 * has registered its commands. `client.decoder` is Socket.IO's own (private) field holding the
 * decoder made from `commandParser`.
 */
export function releaseEarlyPackets(socket: Socket): void {
  const decoder = (socket.client as unknown as { decoder?: unknown }).decoder
  if (decoder instanceof CommandDecoder && socket.nsp.name === '/') decoder.release()
}
