/**
 * The Socket.IO floor (S0): a bare Socket.IO server, no app, in the same harness as floor.ts, so
 * the app's heap per idle connection (S1) stands beside what Socket.IO alone keeps per socket on
 * this machine: the websocket transport only, and each socket in three rooms, as the app's are
 * (its user, its session, its board).
 */
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { serveRunner } from './lib/ipc'

const httpServer = createServer((_req, res) => res.writeHead(404).end())
const io = new Server(httpServer, { transports: ['websocket'], serveClient: false })
io.on('connection', (socket) => {
  void socket.join([`user:${socket.id}`, `session:${socket.id}`, 'cycle:floor'])
})

function stop() {
  void io.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
}

serveRunner(httpServer, stop)
