import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { clickUrl } from '#services/delivery/click_token'
import { SeparateServer } from '#tests/helpers/separate_server'

/**
 * Nothing served is lost on SIGTERM. The server runs as a real process
 * whose periodic flush is set to ten minutes, so the counts can reach the
 * database only through the flush on the way out. "Served" is what this
 * client received: every 302 it got must be one stored click.
 */

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const BOOKING_ID = 4242

/** `count` different click links (one token each) for one booking. */
function links(count: number) {
  const now = Date.now()
  return Array.from({ length: count }, (_, i) =>
    clickUrl(
      {
        kind: 'ad',
        bookingId: BOOKING_ID,
        vendorId: null,
        topicId: 1 + (i % 3),
        target: 'https://advertiser.example.com/',
      },
      new Date(now - i)
    )
  )
}

async function click(server: SeparateServer, path: string) {
  try {
    const response = await fetch(`${server.base}${path}`, {
      redirect: 'manual',
      headers: { 'user-agent': FIREFOX },
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    return 0 // refused: the server had stopped accepting
  }
}

async function storedClicks(server: SeparateServer) {
  const [row] = await db
    .connection(server.name)
    .from('placement_counts')
    .where('booking_id', BOOKING_ID)
    .sum('clicks as total')
  await db.manager.close(server.name)
  return Number(row.total ?? 0)
}

test.group('Counting / SIGTERM loses nothing (separate server)', (group) => {
  const server = new SeparateServer('shutdown', { COUNTER_FLUSH_MS: '600000' })
  group.setup(() => server.prepare())
  group.teardown(() => server.cleanup())

  test('SIGTERM right after the responses: the database holds every click', async ({ assert }) => {
    await server.start()
    const requests = 120
    const statuses = await Promise.all(links(requests).map((path) => click(server, path)))
    assert.deepEqual(new Set(statuses), new Set([302]))

    const exited = server.exited()
    server.process!.kill('SIGTERM')
    assert.equal(await exited, 0, server.output)
    assert.equal(await storedClicks(server), requests)
  }).timeout(120_000)

  test('SIGINT (Ctrl+C) flushes the same way', async ({ assert }) => {
    await server.start()
    const before = await storedClicks(server)
    const statuses = await Promise.all(links(40).map((path) => click(server, path)))
    assert.deepEqual(new Set(statuses), new Set([302]))
    const exited = server.exited()
    server.process!.kill('SIGINT')
    assert.equal(await exited, 0, server.output)
    assert.equal((await storedClicks(server)) - before, 40)
  }).timeout(120_000)

  test('SIGTERM during load: every click served is stored, none more', async ({ assert }) => {
    await server.start()
    const before = await storedClicks(server)
    const requests = 300
    let answered = 0
    let exited: Promise<number | null> | null = null
    const statuses = await Promise.all(
      links(requests).map(async (path) => {
        const status = await click(server, path)
        // Half-way through the answers, while the rest are in flight.
        if (++answered === requests / 2) {
          exited = server.exited()
          server.process!.kill('SIGTERM')
        }
        return status
      })
    )
    assert.equal(await exited!, 0, server.output)
    const served = statuses.filter((status) => status === 302).length
    assert.isAtLeast(served, requests / 2)
    assert.deepEqual(
      statuses.filter((status) => status !== 302 && status !== 0),
      [],
      'no request fails half-way'
    )
    assert.equal((await storedClicks(server)) - before, served)
  }).timeout(120_000)
})
