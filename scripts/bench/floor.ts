/**
 * The floor (S0): what a bare `ws` server does on this machine, in the same harness (child
 * process, core, IPC) as the app, so every figure of the app stands beside what no app on `ws`
 * could beat here. One room holding every client. A text message from a client:
 *
 *   e…        echo: sent back to the sender as is
 *   b<id>     broadcast: a frame of FLOOR_PAYLOAD_BYTES carrying <id> to every other client
 *   x<id>     both: the echo to the sender and the broadcast to the others (what a move does)
 *
 * The broadcast frame is built once and sent to each client, as Socket.IO does, and looks like a
 * `card:moved` frame to the load generator (event name first, `"opId":"<id>"` last), so reading it
 * costs the load generator the same as reading the app's.
 */
import { createServer } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import { serveRunner } from './lib/ipc'

const payloadBytes = Number(process.env.FLOOR_PAYLOAD_BYTES ?? 3000)

const httpServer = createServer((_req, res) => res.writeHead(404).end())
const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: false, maxPayload: 256 * 1024 })

function frameFor(id: string): Buffer {
  const head = '42["card:moved",{"pad":"'
  const tail = `","opId":"${id}"}]`
  return Buffer.from(head + 'x'.repeat(Math.max(0, payloadBytes - head.length - tail.length)) + tail)
}

function broadcast(from: WebSocket, id: string): void {
  const frame = frameFor(id)
  for (const client of wss.clients) {
    if (client !== from && client.readyState === client.OPEN) client.send(frame, { binary: false })
  }
}

wss.on('connection', (ws) => {
  ws.on('message', (data: Buffer) => {
    const kind = data[0]
    if (kind === 0x65 /* e */) ws.send(data, { binary: false })
    else if (kind === 0x62 /* b */) broadcast(ws, data.toString('latin1', 1))
    else if (kind === 0x78 /* x */) {
      ws.send(data, { binary: false })
      broadcast(ws, data.toString('latin1', 1))
    }
  })
})

function stop() {
  for (const client of wss.clients) client.terminate()
  wss.close()
  httpServer.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
}

serveRunner(httpServer, stop)
