import type { RedisConnection } from '@adonisjs/redis'
import { RotationCursorStore } from '#services/placement/rotation'

/**
 * Sets KEYS[1] to ARGV[2] if it still holds ARGV[1] ('' for "missing") and
 * answers nil; otherwise answers what it holds now, so that the caller can
 * step again without another round trip.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if (current or '') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
  return false
end
return current or ''
`

/** Rotation state stays a week past its last use, then Redis drops it. */
const STATE_TTL_SECONDS = 8 * 24 * 3600
/** Retries before a turn gives up (each one lost to another process's turn). */
const MAX_ATTEMPTS = 100

/** The connection once `defineCommand` has added the script (ioredis does not type it). */
type WithCompareAndSet = {
  rotationCompareAndSet(
    key: string,
    expected: string,
    next: string,
    ttlSeconds: number
  ): Promise<string | null>
}

/** A turn waiting for its key's next write. */
type Waiting = {
  step: (state: unknown) => { value: unknown; next: unknown }
  settled?: (value: unknown) => void
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * Rotation state shared by every process through Redis (REDIS_HOST set):
 * the placement's smooth round-robin weights and cursors are one state per
 * topic, so views spread over any number of processes rotate as if one
 * process served them all.
 *
 * `advance` is INCRBY. `turn` is optimistic: it steps from the last state
 * this process saw and writes the result with a compare-and-set script;
 * if another process turned in between, the script hands back the newer
 * state and the step runs again on it. `step` must therefore be pure; the
 * placement service counts the view in `settled`, once the write went through.
 */
export class RedisCursorStore extends RotationCursorStore {
  /** The serialized state this process last read or wrote, per key. */
  #seen = new Map<string, string>()
  /** Turns waiting for the key's next write, per key; a key is in here while one is running. */
  #waiting = new Map<string, Waiting[]>()

  constructor(private redis: RedisConnection['ioConnection']) {
    super()
    if (!('rotationCompareAndSet' in redis)) {
      redis.defineCommand('rotationCompareAndSet', { numberOfKeys: 1, lua: COMPARE_AND_SET })
    }
  }

  async advance(key: string, step: number) {
    const next = await this.redis.incrby(`rotation:cursor:${key}`, step)
    return next - step
  }

  /**
   * Queues the turn. While a write for the key is on its way, the turns that
   * arrive meanwhile wait and then go together: their steps run one after
   * the other on the state, and one compare-and-set writes where the last
   * one ended. So a busy process pays one round trip for many views, and
   * only other processes can race it.
   */
  turn<State, Value>(
    key: string,
    step: (state: State | undefined) => { value: Value; next: State },
    settled?: (value: Value) => void
  ): Promise<Value> {
    return new Promise<Value>((resolve, reject) => {
      const item = { step, settled, resolve, reject } as unknown as Waiting
      const queue = this.#waiting.get(key)
      if (queue) {
        queue.push(item)
        return
      }
      this.#waiting.set(key, [item])
      void this.#drain(key)
    })
  }

  async #drain(key: string) {
    for (;;) {
      const queue = this.#waiting.get(key)!
      if (queue.length === 0) {
        this.#waiting.delete(key)
        return
      }
      const batch = queue.splice(0)
      try {
        const values = await this.#write(key, batch)
        batch.forEach((item, i) => {
          item.settled?.(values[i])
          item.resolve(values[i])
        })
      } catch (error) {
        for (const item of batch) item.reject(error)
      }
    }
  }

  /** Steps every turn of the batch from the shared state and writes the result; again on a race. */
  async #write(key: string, batch: Waiting[]): Promise<unknown[]> {
    const redisKey = `rotation:state:${key}`
    let expected = this.#seen.get(key) ?? ''
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let state: unknown = expected === '' ? undefined : decodeState(expected)
      const values = batch.map((item) => {
        const { value, next } = item.step(state)
        state = next
        return value
      })
      const written = encodeState(state)
      const current = await (this.redis as unknown as WithCompareAndSet).rotationCompareAndSet(
        redisKey,
        expected,
        written,
        STATE_TTL_SECONDS
      )
      if (current === null) {
        this.#seen.set(key, written)
        return values
      }
      expected = current
    }
    throw new Error(`rotation state "${key}" kept changing under ${MAX_ATTEMPTS} attempts`)
  }
}

/** JSON that keeps Maps (the smooth round-robin weights) as Maps. */
export function encodeState(state: unknown): string {
  return JSON.stringify(state, (_key, value) =>
    value instanceof Map ? { $map: [...value.entries()] } : value
  )
}

export function decodeState<State>(text: string): State {
  return JSON.parse(text, (_key, value) =>
    value && typeof value === 'object' && Array.isArray(value.$map) ? new Map(value.$map) : value
  ) as State
}
