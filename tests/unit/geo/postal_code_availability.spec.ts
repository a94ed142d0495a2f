import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import { PostalCodeAvailability } from '#services/geo/postal_code_availability'

/** An availability whose database answer the test sets, counting the queries. */
function availability(recheckMs: number) {
  const database = { imported: false, queries: 0 }
  const subject = new PostalCodeAvailability(async () => {
    database.queries++
    return database.imported
  }, recheckMs)
  return { subject, database }
}

test.group('Postal code availability', () => {
  test('"yes" is asked once per process', async ({ assert }) => {
    const { subject, database } = availability(60_000)
    database.imported = true

    for (let view = 0; view < 100; view++) assert.isTrue(await subject.available())

    assert.equal(database.queries, 1)
  })

  test('"no" is asked again after the recheck interval', async ({ assert }) => {
    const { subject, database } = availability(50)

    assert.isFalse(await subject.available())
    database.imported = true
    assert.isFalse(await subject.available())
    assert.equal(database.queries, 1)

    await sleep(60)
    assert.isTrue(await subject.available())
    assert.equal(database.queries, 2)
  })

  test('forget() makes the next page view ask again', async ({ assert }) => {
    const { subject, database } = availability(60_000)

    assert.isFalse(await subject.available())
    database.imported = true
    subject.forget()

    assert.isTrue(await subject.available())
    assert.equal(database.queries, 2)
  })

  test('a recheck interval of 0 asks every time', async ({ assert }) => {
    const { subject, database } = availability(0)
    database.imported = true

    await subject.available()
    await subject.available()

    assert.equal(database.queries, 2)
  })
})
