import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { urlFor } from '@adonisjs/core/services/url_builder'
import VendorsImport from '../../../commands/vendors_import.js'
import AuditLog from '#models/audit_log'
import { TopicFactory } from '#database/factories/topic_factory'
import Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'
import PostalCode from '#models/postal_code'
import VendorImporter, { type Plan } from '#services/vendors/vendor_import'
import { readVendorCsv } from '#services/vendors/vendor_csv'
import { createVendor } from '#tests/helpers/directory'

const HEADER =
  'slug,name,street,postal_code,city,state,country,phone,email,website,description,topics,status'

let dir: string

async function csvFile(lines: string[], name = 'vendors.csv') {
  const path = join(dir, name)
  await writeFile(path, lines.join('\n') + '\n')
  return path
}

async function runImport(...args: string[]) {
  const command = await ace.create(VendorsImport, args)
  await command.exec()
  return command
}

async function vendorsBySlug() {
  const vendors = await Vendor.query().preload('topics').orderBy('slug', 'asc')
  return vendors.map((vendor) => ({
    slug: vendor.slug,
    name: vendor.name,
    postalCode: vendor.postalCode,
    city: vendor.city,
    status: vendor.status,
    description: vendor.description,
    topics: vendor.topics.map((topic) => topic.slug).sort(),
  }))
}

async function vendorSlugsAndStatus() {
  const vendors = await vendorsBySlug()
  return vendors.map((vendor) => [vendor.slug, vendor.status])
}

async function vendorNames() {
  const vendors = await vendorsBySlug()
  return vendors.map((vendor) => vendor.name)
}

async function topics() {
  await TopicFactory.merge([
    { slug: 'social-media', name: 'Social Media', position: 1 },
    { slug: 'e-government', name: 'E-Government', position: 2 },
  ]).createMany(2)
}

test.group('vendors:import', (group) => {
  group.setup(() => ace.ui.switchMode('raw'))
  group.teardown(() => ace.ui.switchMode('normal'))
  group.each.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vendors-import-'))
    return () => rm(dir, { recursive: true, force: true })
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates published vendors without members, findable and with coordinates', async ({
    client,
    assert,
  }) => {
    await topics()
    await PostalCode.create({
      code: '06217',
      place: 'Merseburg',
      state: null,
      latitude: 51.35,
      longitude: 11.99,
    })
    const file = await csvFile([
      'name,postal_code,city,state,website,description,topics',
      'brain-SCC GmbH,06217,Merseburg,Sachsen-Anhalt,https://www.brain-scc.de,"IT-Dienstleister,',
      'mit Sitz in Merseburg.",social-media|e-government',
      'Zweiter Anbieter,10115,Berlin,,,,e-government',
    ])

    const command = await runImport(file)

    command.assertSucceeded()
    command.assertLogMatches(/2 created, 0 updated, 0 unchanged, 0 rejected/)
    const brain = await Vendor.findByOrFail('slug', 'brain-scc-gmbh')
    assert.equal(brain.status, 'published')
    assert.isNotNull(brain.publishedAt)
    assert.equal(brain.description, 'IT-Dienstleister,\nmit Sitz in Merseburg.')
    assert.equal(brain.latitude, 51.35)
    assert.lengthOf(await VendorMember.query().where('vendor_id', brain.id), 0)

    const search = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { q: 'merseburg dienstleister' } })
    )
    assert.deepEqual(
      search.body().data.map((hit: { slug: string }) => hit.slug),
      ['brain-scc-gmbh']
    )
    const topic = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { topic: 'social-media' } })
    )
    assert.deepEqual(
      topic.body().data.map((hit: { slug: string }) => hit.slug),
      ['brain-scc-gmbh']
    )
    const entries = await AuditLog.query().where('action', 'vendor.import')
    assert.lengthOf(entries, 2)
    assert.equal(entries[0].actorLabel, 'system')
  })

  test('--dry-run checks and counts every row and writes nothing', async ({ assert }) => {
    await topics()
    await createVendor({
      slug: 'bekannt',
      name: 'Bekannt GmbH',
      postalCode: '06108',
      city: 'Halle',
    })
    const file = await csvFile([
      'slug,name,postal_code,city,topics',
      'bekannt,Bekannt GmbH,06108,Halle (Saale),social-media',
      ',Neu GmbH,06217,Merseburg,social-media',
      ',Kaputt GmbH,621,Merseburg,social-media',
    ])
    const before = await vendorsBySlug()

    const command = await runImport(file, '--dry-run')

    command.assertSucceeded()
    command.assertLogMatches(
      /Dry run, nothing written\. Would be: 1 created, 1 updated, 0 unchanged, 1 rejected/
    )
    command.assertLogMatches(/Line 4: postal_code: A German postal code has exactly 5 digits/)
    assert.deepEqual(await vendorsBySlug(), before)
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('reports rejected rows with their line number and reason, and imports the rest', async ({
    assert,
  }) => {
    await topics()
    const file = await csvFile([
      HEADER,
      ',Gut GmbH,,06108,Halle (Saale),,,,,,"Zwei',
      'Zeilen",social-media,',
      ',,,06108,Halle,,,,,,,social-media,',
      ',Falsche PLZ,,0610,Halle,,,,,,,social-media,',
      ',Falsches Thema,,06108,Halle,,,,,,,gibt-es-nicht,',
      ',Falsche Mail,,06108,Halle,,,,kein-at,,,social-media,',
      ',Gut GmbH,,06108,Halle,,,,,,,e-government,',
      ',Auch gut,,06108,Halle,,,,,,,social-media,draft',
    ])

    const command = await runImport(file)

    command.assertSucceeded()
    command.assertLogMatches(/2 created, 0 updated, 0 unchanged, 5 rejected/)
    command.assertLogMatches(/Line 4: name: /)
    command.assertLogMatches(/Line 5: postal_code: /)
    command.assertLogMatches(/Line 6: topics: unknown topic gibt-es-nicht/)
    command.assertLogMatches(/Line 7: email: /)
    command.assertLogMatches(/Line 8: the same vendor as line 2/)
    assert.deepEqual(await vendorSlugsAndStatus(), [
      ['auch-gut', 'draft'],
      ['gut-gmbh', 'published'],
    ])
  })

  test('matches by slug, else by name and postal code; a second run changes nothing', async ({
    assert,
  }) => {
    await topics()
    const bySlug = await createVendor({
      slug: 'alter-slug',
      name: 'Ganz Anders AG',
      postalCode: '10115',
      city: 'Berlin',
    })
    const byName = await createVendor({
      slug: 'seitenbau',
      name: 'SEITENBAU GmbH',
      postalCode: '78467',
      city: 'Konstanz',
    })
    const archived = await createVendor({
      slug: 'archiv',
      name: 'Archiv KG',
      postalCode: '80331',
      city: 'München',
      status: 'archived',
    })
    const file = await csvFile([
      'slug,name,postal_code,city,description,topics,status',
      'alter-slug,Neuer Name AG,10115,Berlin,Neu.,e-government,',
      'anderer-slug,Seitenbau GmbH,78467,Konstanz,Portale.,social-media,',
      ',Archiv KG,80331,München,,social-media,',
      ',Neue Firma,80331,München,,social-media,',
    ])

    const first = await runImport(file)

    first.assertSucceeded()
    first.assertLogMatches(/1 created, 3 updated, 0 unchanged, 0 rejected/)
    await bySlug.refresh()
    assert.equal(bySlug.name, 'Neuer Name AG')
    await byName.refresh()
    assert.equal(byName.slug, 'seitenbau', 'a matched vendor keeps its slug')
    assert.equal(byName.name, 'Seitenbau GmbH')
    assert.equal(byName.description, 'Portale.')
    await archived.refresh()
    assert.equal(archived.status, 'archived', 'an empty status keeps the status')
    assert.equal(
      await Vendor.query()
        .where('name', 'Neue Firma')
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      1
    )
    const update = await AuditLog.query().where('vendor_id', bySlug.id).firstOrFail()
    assert.deepEqual(update.before!.name, 'Ganz Anders AG')
    assert.deepEqual(update.after!.name, 'Neuer Name AG')

    const snapshot = await vendorsBySlug()
    const second = await runImport(file)

    second.assertSucceeded()
    second.assertLogMatches(/0 created, 0 updated, 4 unchanged, 0 rejected/)
    assert.deepEqual(await vendorsBySlug(), snapshot)
  })

  test('reads `;`-separated files with a BOM (as spreadsheets save them)', async ({ assert }) => {
    await topics()
    const file = await csvFile([
      '\uFEFFname;postal_code;city;topics',
      'Semikolon GmbH;06108;Halle (Saale);social-media|e-government',
    ])

    const command = await runImport(file)

    command.assertSucceeded()
    const vendor = await Vendor.query()
      .where('slug', 'semikolon-gmbh')
      .preload('topics')
      .firstOrFail()
    assert.equal(vendor.city, 'Halle (Saale)')
    assert.lengthOf(vendor.topics, 2)
  })

  test('a batch that fails is rolled back whole; earlier batches stay', async ({ assert }) => {
    await topics()
    const csv = [
      'name,postal_code,city,topics',
      'Eins GmbH,06108,Halle,social-media',
      'Zwei GmbH,06108,Halle,social-media',
      'Drei GmbH,06108,Halle,social-media',
      'Vier GmbH,06108,Halle,social-media',
    ].join('\n')

    class FailingImporter extends VendorImporter {
      protected async write(plan: Plan, trx: TransactionClientContract) {
        await super.write(plan, trx)
        if (plan.row.attributes.name === 'Vier GmbH') throw new Error('disk full')
      }
    }
    const summary = await new FailingImporter({ batchSize: 2 }).run(await readVendorCsv(csv, ','))

    assert.deepEqual(summary.failed, { fromLine: 4, toLine: 5, error: 'disk full' })
    assert.equal(summary.created, 2)
    assert.deepEqual(await vendorNames(), ['Eins GmbH', 'Zwei GmbH'])
  })

  test('fails with a message for a missing file or a wrong header', async ({ assert }) => {
    const missing = await runImport(join(dir, 'nope.csv'))
    missing.assertFailed()
    missing.assertLogMatches(/File not found/)

    const wrong = await runImport(await csvFile(['name,plz,city,topics', 'A,06108,Halle,x']))
    wrong.assertFailed()
    wrong.assertLogMatches(/Unknown columns: plz/)
    assert.lengthOf(await Vendor.all(), 0)
  })
})
