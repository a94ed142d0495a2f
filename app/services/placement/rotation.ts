/**
 * Window rotation over an ordered candidate list: each view shows `size`
 * consecutive candidates starting at the cursor, and the next view starts
 * where this one ended. Over any run of views, every candidate appears
 * either k or k+1 times — the fairest a fixed-size box can be.
 *
 * Pure: the caller keeps the cursor (in memory now, shared storage later).
 */
export type WindowSegment = { offset: number; limit: number }

export function rotationWindow(
  total: number,
  cursor: number,
  size: number
): { segments: WindowSegment[]; nextCursor: number } {
  if (total <= 0 || size <= 0) return { segments: [], nextCursor: 0 }
  if (total <= size) return { segments: [{ offset: 0, limit: total }], nextCursor: 0 }

  const start = ((cursor % total) + total) % total
  const firstLimit = Math.min(size, total - start)
  const segments: WindowSegment[] = [{ offset: start, limit: firstLimit }]
  if (firstLimit < size) {
    segments.push({ offset: 0, limit: size - firstLimit })
  }
  return { segments, nextCursor: (start + size) % total }
}

/**
 * Where the rotation state lives: plain cursors, and the placement's state
 * (smooth round-robin weights and the unpaid cursor). One process keeps
 * them in memory; with REDIS_HOST set, RedisCursorStore shares them between
 * processes (INCRBY, and a compare-and-set for `turn`).
 */
export abstract class RotationCursorStore {
  /** Returns the current cursor for `key` and advances it by `step`. */
  abstract advance(key: string, step: number): Promise<number>

  /**
   * One atomic turn of the state under `key`: `step` gets the current state
   * (undefined at first) and returns the value to hand back and the next state.
   * A shared store may run `step` more than once (when another process turned
   * first), so it must be pure; `settled` runs exactly once, with the value
   * that was written, in the same tick as the write.
   */
  abstract turn<State, Value>(
    key: string,
    step: (state: State | undefined) => { value: Value; next: State },
    settled?: (value: Value) => void
  ): Promise<Value>
}

export class MemoryCursorStore extends RotationCursorStore {
  #cursors = new Map<string, number>()
  #states = new Map<string, unknown>()

  // Read, step and write with no await between them: atomic within the process.
  async turn<State, Value>(
    key: string,
    step: (state: State | undefined) => { value: Value; next: State },
    settled?: (value: Value) => void
  ) {
    const { value, next } = step(this.#states.get(key) as State | undefined)
    this.#states.set(key, next)
    settled?.(value)
    return value
  }

  async advance(key: string, step: number) {
    const current = this.#cursors.get(key) ?? 0
    // Kept small so that it never overflows; rotationWindow takes it modulo total.
    this.#cursors.set(key, (current + step) % 1_000_000_007)
    return current
  }
}
