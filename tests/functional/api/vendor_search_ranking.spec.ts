import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createVendor, withDirectoryCache } from '#tests/helpers/directory'
import { refreshSearchText } from '#services/search/search_index'

type Item = { slug: string }

const slugs = (body: { data: Item[] }) => body.data.map((item) => item.slug)
const searchUrl = (qs: Record<string, string | number>) =>
  urlFor('api.v1.vendors.index', [], { qs })

/**
 * Three vendors that mention "Verwaltung" more and more often, one that
 * never does, and a draft that mentions it most but must never count.
 */
async function rankingFixture() {
  const once = await createVendor({
    slug: 'a-once',
    name: 'A Beratung',
    description: `Projekte ${'für Städte und Landkreise, '.repeat(15)} auch Verwaltung.`,
  })
  const twice = await createVendor({
    slug: 'b-twice',
    name: 'B Software',
    description: 'Verwaltung digital: Software für die Verwaltung.',
  })
  const inName = await createVendor({
    slug: 'c-in-name',
    name: 'C Verwaltungs-IT',
    description: 'Verwaltung, Verwaltung, Verwaltung.',
  })
  await createVendor({ slug: 'd-other', name: 'D Agentur', description: 'Webdesign.' })
  await createVendor({
    slug: 'e-draft',
    name: 'E Verwaltung Verwaltung',
    description: 'Verwaltung Verwaltung Verwaltung Verwaltung.',
    status: 'draft',
  })
  return { once, twice, inName }
}

test.group('API: ranked word search (rank and count in the index)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('orders by relevance, counts published matches only', async ({ client, assert }) => {
    await rankingFixture()

    const response = await client.get(searchUrl({ q: 'verwaltung' }))

    response.assertStatus(200)
    assert.deepEqual(response.body().meta, { total: 3, page: 1, perPage: 20 })
    // Most mentions in the shortest text first; the draft is neither shown nor counted.
    assert.deepEqual(slugs(response.body()), ['c-in-name', 'b-twice', 'a-once'])
  })

  test('pages keep the ranking and the total', async ({ client, assert }) => {
    await rankingFixture()

    const first = await client.get(searchUrl({ q: 'verwaltung', perPage: 2 }))
    const second = await client.get(searchUrl({ q: 'verwaltung', perPage: 2, page: 2 }))
    const past = await client.get(searchUrl({ q: 'verwaltung', perPage: 2, page: 3 }))

    assert.deepEqual(slugs(first.body()), ['c-in-name', 'b-twice'])
    assert.deepEqual(second.body().meta, { total: 3, page: 2, perPage: 2 })
    assert.deepEqual(slugs(second.body()), ['a-once'])
    assert.deepEqual(past.body().meta, { total: 3, page: 3, perPage: 2 })
    assert.deepEqual(slugs(past.body()), [])
  })

  test('a vendor leaves and rejoins the index with its status', async ({ client, assert }) => {
    const { twice } = await rankingFixture()

    twice.status = 'archived'
    await twice.save()
    const without = await client.get(searchUrl({ q: 'verwaltung' }))
    assert.equal(without.body().meta.total, 2)
    assert.notInclude(slugs(without.body()), 'b-twice')

    twice.status = 'published'
    await twice.save()
    const back = await client.get(searchUrl({ q: 'verwaltung' }))
    assert.equal(back.body().meta.total, 3)
    assert.include(slugs(back.body()), 'b-twice')
  })

  test('a word of the status is not a search word', async ({ client, assert }) => {
    await rankingFixture()

    const response = await client.get(searchUrl({ q: 'published' }))

    response.assertStatus(200)
    assert.deepEqual(response.body().meta.total, 0)
  })
})

test.group('API: ranked word search with the directory cache on', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => withDirectoryCache())

  test('a repeated search is answered from the cache until a vendor changes', async ({
    client,
    assert,
  }) => {
    const { once } = await rankingFixture()
    const before = await client.get(searchUrl({ q: 'verwaltung' }))
    assert.deepEqual(slugs(before.body()), ['c-in-name', 'b-twice', 'a-once'])

    once.description = 'Projekte für Städte und Landkreise.'
    await once.save()
    await refreshSearchText([once.id])

    const after = await client.get(searchUrl({ q: 'verwaltung' }))
    assert.equal(after.body().meta.total, 2)
    assert.deepEqual(slugs(after.body()), ['c-in-name', 'b-twice'])
  })
})
