import { describe, expect, it } from 'vitest'
import { socketTransports } from './transports'

describe('socketTransports (VITE_SOCKET_TRANSPORTS)', () => {
  it.each([
    [undefined, ['websocket', 'polling']],
    ['', ['websocket', 'polling']],
    ['websocket', ['websocket']],
    [' websocket , websocket ', ['websocket']],
    ['polling,websocket', ['polling', 'websocket']],
    ['carrier-pigeon', ['websocket', 'polling']],
  ] as const)('%j → %j', (raw, expected) => {
    expect(socketTransports(raw)).toEqual(expected)
  })
})
