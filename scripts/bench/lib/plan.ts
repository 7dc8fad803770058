import type { Context } from './rows'

/**
 * The counts and durations of a run, shared by the app's scenarios and the floor (S0) so that
 * each pair is measured the same way. `--quick` shrinks the durations for development; socket
 * counts stay as required except the largest, which a quick run caps.
 */
export function plan(ctx: Context) {
  const q = ctx.quick
  return {
    /** S1, S3 (and the floor's): sockets connected. */
    socketCounts: q ? [100, 1000, 2000] : [100, 1000, 5000],
    /** S2: sockets watching while the movers move. */
    watchers: 1000,
    moverCounts: [1, 5, 10, 20],
    /** S2: each mover moves one card every this many ms (a person cannot drag faster). */
    moverPeriodMs: 1000,
    /** S2: per mover count, at least this long and at least this many moves. */
    ackSeconds: q ? 5 : 8,
    ackMinSamples: q ? 5 : 8,
    /** S3: sequential moves measured per socket count. */
    fanoutSamples: (n: number) => (q ? 30 : n >= 5000 ? 40 : 60),
    /** S4: seconds per rate step, first rate (moves/s), doublings' ceiling, bisections. */
    rateSeconds: q ? 2 : 3,
    startRate: 10,
    maxRate: 2560,
    bisections: q ? 1 : 2,
    /**
     * Frame size of the floor's broadcast: about the app's card:moved frames in S3 and S4 (the
     * move's fact, ~390 B since issue 11; the whole card was 1.3–3 KB before).
     */
    floorPayloadBytes: 400,
  }
}

export const floorKey = {
  ack: (pct: 50 | 99, movers: number) => `ack.p${pct}.m${movers}`,
  fanout: (pct: 50 | 99, sockets: number) => `fanout.p${pct}.${sockets}`,
  capacity: (sockets: number) => `capacity.${sockets}`,
  heap: (sockets: number) => `heap.${sockets}`,
  heapSocketIo: (sockets: number) => `heap.socketio.${sockets}`,
}
