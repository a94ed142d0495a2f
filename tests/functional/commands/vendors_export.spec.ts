import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import { parse } from 'csv-parse/sync'
import { urlFor } from '@adonisjs/core/services/url_builder'
import VendorsExport from '../../../commands/vendors_export.js'
import VendorsImport from '../../../commands/vendors_import.js'
import { TopicFactory } from '#database/factories/topic_factory'
import Vendor from '#models/vendor'
import { snapshotOf } from '#services/vendor_snapshot'
import { createVendor } from '#tests/helpers/directory'
import { createUser } from '#tests/helpers/users'

let dir: string

async function run(command: typeof VendorsExport | typeof VendorsImport, ...args: string[]) {
  const instance = await ace.create(command, args)
  await instance.exec()
  return instance
}

async function directory() {
  const [social, egov] = await TopicFactory.merge([
    { slug: 'social-media', name: 'Social Media', position: 1 },
    { slug: 'e-government', name: 'E-Government', position: 2 },
  ]).createMany(2)
  await createVendor(
    {
      slug: 'b-gmbh',
      name: 'B GmbH',
      street: 'Weg 1',
      postalCode: '06108',
      city: 'Halle (Saale)',
      state: 'Sachsen-Anhalt',
      phone: '+49 345 1',
      email: 'b@example.com',
      website: 'https://b.example.com',
      description: 'Zeile eins,\n"zwei"; drei\n=SUMME(A1)',
    },
    [egov, social]
  )
  await createVendor(
    { slug: 'a-ag', name: 'A AG', postalCode: '10115', city: 'Berlin', description: '' },
    [egov]
  )
  await createVendor({ slug: 'entwurf', name: 'Entwurf', status: 'draft' }, [social])
  return { social, egov }
}

async function snapshots() {
  const vendors = await Vendor.query()
    .where('status', 'published')
    .preload('topics')
    .orderBy('slug')
  return Promise.all(
    vendors.map(async (vendor) => ({
      slug: vendor.slug,
      status: vendor.status,
      ...(await snapshotOf(vendor)),
    }))
  )
}

test.group('vendors:export', (group) => {
  group.setup(() => ace.ui.switchMode('raw'))
  group.teardown(() => ace.ui.switchMode('normal'))
  group.each.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vendors-export-'))
    return () => rm(dir, { recursive: true, force: true })
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('writes the published vendors in the import format, by slug', async ({ assert }) => {
    await directory()
    const output = join(dir, 'out.csv')

    const command = await run(VendorsExport, `--output=${output}`)

    command.assertSucceeded()
    const text = await readFile(output, 'utf8')
    assert.isTrue(
      text.startsWith(
        'slug,name,street,postal_code,city,state,country,phone,email,website,description,topics,status\n'
      )
    )
    const rows = parse(text, { columns: true })
    assert.deepEqual(
      rows.map((row: Record<string, string>) => row.slug),
      ['a-ag', 'b-gmbh']
    )
    assert.deepEqual(rows[1], {
      slug: 'b-gmbh',
      name: 'B GmbH',
      street: 'Weg 1',
      postal_code: '06108',
      city: 'Halle (Saale)',
      state: 'Sachsen-Anhalt',
      country: 'DE',
      phone: '+49 345 1',
      email: 'b@example.com',
      website: 'https://b.example.com',
      description: 'Zeile eins,\n"zwei"; drei\n=SUMME(A1)',
      topics: 'social-media|e-government',
      status: 'published',
    })
  })

  test('--topic limits the rows; an unknown topic fails', async ({ assert }) => {
    await directory()
    const output = join(dir, 'social.csv')

    const command = await run(VendorsExport, '--topic=social-media', `--output=${output}`)

    command.assertSucceeded()
    const rows = parse(await readFile(output, 'utf8'), { columns: true })
    assert.deepEqual(
      rows.map((row: Record<string, string>) => row.slug),
      ['b-gmbh']
    )

    const unknown = await run(
      VendorsExport,
      '--topic=gibt-es-nicht',
      `--output=${join(dir, 'x.csv')}`
    )
    unknown.assertFailed()
    unknown.assertLogMatches(/Unknown topic: gibt-es-nicht/)
  })

  test('a cell that would run as a spreadsheet formula is quoted with a leading apostrophe', async ({
    assert,
  }) => {
    await directory()
    const output = join(dir, 'out.csv')
    await run(VendorsExport, `--output=${output}`)
    const text = await readFile(output, 'utf8')
    assert.include(text, `"Zeile eins,\n""zwei""; drei\n=SUMME(A1)"`)
    await Vendor.query().where('slug', 'a-ag').update({ description: '=HYPERLINK("http://x")' })
    await run(VendorsExport, `--output=${output}`)
    assert.include(await readFile(output, 'utf8'), `"'=HYPERLINK(""http://x"")"`)
  })

  test('export → import round-trips: unchanged in place, identical in an empty directory', async ({
    assert,
  }) => {
    await directory()
    await Vendor.query().where('slug', 'a-ag').update({ description: '@mention =1+1' })
    const before = await snapshots()
    const output = join(dir, 'out.csv')
    await run(VendorsExport, `--output=${output}`)

    const again = await run(VendorsImport, output)
    again.assertSucceeded()
    again.assertLogMatches(/0 created, 0 updated, 2 unchanged, 0 rejected/)

    await Vendor.query().delete()
    const fresh = await run(VendorsImport, output)
    fresh.assertSucceeded()
    fresh.assertLogMatches(/2 created, 0 updated, 0 unchanged, 0 rejected/)
    assert.deepEqual(await snapshots(), before)
  })

  test('writes to stdout without --output', async ({ assert }) => {
    await directory()
    const chunks: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      return true
    }) as typeof process.stdout.write
    try {
      const command = await run(VendorsExport)
      command.assertSucceeded()
    } finally {
      process.stdout.write = write
    }
    const rows = parse(chunks.join(''), { columns: true })
    assert.lengthOf(rows, 2)
  })

  test('editors download the same CSV from the editorial area', async ({ client, assert }) => {
    await directory()
    const editor = await createUser({ role: 'editor' })
    const output = join(dir, 'social.csv')
    await run(VendorsExport, '--topic=social-media', `--output=${output}`)

    const response = await client
      .get(urlFor('editorial.vendors.export', [], { qs: { topic: 'social-media' } }))
      .loginAs(editor)

    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/csv')
    assert.match(
      response.header('content-disposition') ?? '',
      /attachment; filename="anbieter-social-media-\d{4}-\d{2}-\d{2}\.csv"/
    )
    assert.equal(response.text(), await readFile(output, 'utf8'))

    const all = await client.get(urlFor('editorial.vendors.export')).loginAs(editor)
    assert.lengthOf(parse(all.text(), { columns: true }), 2)

    const unknown = await client
      .get(urlFor('editorial.vendors.export', [], { qs: { topic: 'nope' } }))
      .loginAs(editor)
    unknown.assertStatus(404)

    const member = await createUser()
    const denied = await client.get(urlFor('editorial.vendors.export')).loginAs(member)
    denied.assertStatus(403)
  })
})
