import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoGenerate from '../../../commands/demo_generate.js'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import PostalCode from '#models/postal_code'
import { demoVendors } from '#database/data/demo_catalog'
import { searchTerms } from '#services/search/fold'

async function runGenerate(...args: string[]) {
  const command = await ace.create(DemoGenerate, args)
  await command.exec()
  command.assertSucceeded()
  return command
}

/** Ids the database's own full-text index finds for one folded term. */
async function fullTextIds(term: string): Promise<number[]> {
  if (db.connection().dialect.name === 'postgres') {
    const result = await db.rawQuery(
      `SELECT id FROM vendors WHERE search_vector @@ to_tsquery('simple', ?)`,
      [term]
    )
    return result.rows.map((row: { id: number }) => row.id)
  }
  const rows = await db.rawQuery(
    'SELECT rowid AS id FROM vendor_search WHERE vendor_search MATCH ?',
    [`"${term}"`]
  )
  return rows.map((row: { id: number }) => row.id)
}

test.group('demo:generate', (group) => {
  group.setup(() => ace.ui.switchMode('raw'))
  group.teardown(() => ace.ui.switchMode('normal'))
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('adds published vendors linked to one to three topics, found by the full-text index', async ({
    assert,
  }) => {
    const command = await runGenerate('--vendors=50', '--seed=7')

    // No topics existed: the demo catalog was seeded first.
    const topics = await Topic.all()
    assert.isAtLeast(topics.length, 10)
    const generated = await Vendor.query()
      .whereNotIn(
        'slug',
        demoVendors.map((vendor) => vendor.slug)
      )
      .preload('topics')
    assert.lengthOf(generated, 50)
    for (const vendor of generated) {
      assert.equal(vendor.status, 'published')
      assert.isNotNull(vendor.publishedAt)
      assert.isAtLeast(vendor.topics.length, 1)
      assert.isAtMost(vendor.topics.length, 3)
      assert.match(vendor.postalCode, /^\d{5}$/)
      assert.isNotNull(vendor.latitude)
      assert.isNotEmpty(vendor.searchText)
      for (const topic of vendor.topics) {
        assert.include(vendor.searchText, searchTerms(topic.name).join(' '))
      }
    }

    const sample = generated[0]
    const term = sample.searchText.split(' ')[0]
    assert.include(await fullTextIds(term), sample.id)
    const all = await fullTextIds('erfundener')
    assert.includeMembers(
      all,
      generated.map((vendor) => vendor.id)
    )
    command.assertLogMatches(/Generated 50 published vendors/)
  })

  test('uses imported postal codes, and a second run does not clash on slugs', async ({
    assert,
  }) => {
    await PostalCode.createMany([
      {
        code: '06108',
        place: 'Halle',
        state: 'Sachsen-Anhalt',
        latitude: 51.483,
        longitude: 11.972,
      },
      {
        code: '10875',
        place: 'Daimler Insurance Services GmbH',
        state: 'Berlin',
        latitude: 48.8,
        longitude: 9.2,
      },
    ])

    await runGenerate('--vendors=20', '--seed=1')
    await runGenerate('--vendors=20', '--seed=1')

    const generated = await Vendor.query().whereNotIn(
      'slug',
      demoVendors.map((vendor) => vendor.slug)
    )
    assert.lengthOf(generated, 40)
    assert.lengthOf(new Set(generated.map((vendor) => vendor.slug)), 40)
    // Company-only codes are not places to put a vendor at.
    assert.isTrue(generated.every((vendor) => vendor.postalCode === '06108'))
    assert.isTrue(
      generated.every((vendor) => vendor.city === 'Halle' && vendor.latitude === 51.483)
    )
  })

  test('refuses a count that is not a positive number', async ({ assert }) => {
    const command = await ace.create(DemoGenerate, ['--vendors=0'])
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(/--vendors must be a positive whole number/)
    assert.lengthOf(await Vendor.all(), 0)
  })
})
