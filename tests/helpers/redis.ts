import { randomBytes } from 'node:crypto'
import { RedisConnection } from '@adonisjs/redis'

/**
 * Connections to the local Redis server (REDIS_TEST_HOST/REDIS_TEST_PORT,
 * default 127.0.0.1:6379; the app itself stays in memory during the suites) under a prefix of their own, one per simulated process,
 * so tests never see each other's keys. `cleanup()` deletes the prefix's
 * keys and closes every connection.
 */
export class RedisProcesses {
  readonly prefix = `test-${process.pid}-${randomBytes(4).toString('hex')}:`
  #connections: RedisConnection[] = []

  connection(): RedisConnection {
    const connection = new RedisConnection(`test-${this.#connections.length}`, {
      host: process.env.REDIS_TEST_HOST ?? '127.0.0.1',
      port: Number(process.env.REDIS_TEST_PORT ?? 6379),
      keyPrefix: this.prefix,
    })
    this.#connections.push(connection)
    return connection
  }

  /** `count` connections, as `count` processes would hold. */
  connections(count: number): RedisConnection[] {
    return Array.from({ length: count }, () => this.connection())
  }

  async cleanup() {
    const [first] = this.#connections
    if (first) {
      const keys = await first.ioConnection.keys(`${this.prefix}*`)
      // KEYS answers full names; DEL through a prefixed connection would prefix them again.
      const names = keys.map((key) => key.slice(this.prefix.length))
      if (names.length > 0) await first.ioConnection.del(...names)
    }
    await Promise.all(this.#connections.map((connection) => connection.quit()))
    this.#connections = []
  }
}
