import { test } from '@japa/runner'
import { GERMAN_STATES } from '#validators/vendor_validator'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoSeed from '../../../commands/demo_seed.js'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import PostalCode from '#models/postal_code'
import User from '#models/user'
import VendorMember from '#models/vendor_member'
import { demoTopics, demoVendors } from '#database/data/demo_catalog'

async function runSeed(args: string[] = []) {
  const command = await ace.create(DemoSeed, args)
  await command.exec()
  command.assertSucceeded()
  return command
}

async function counts() {
  const topics = await Topic.all()
  const vendors = await Vendor.query().preload('topics')
  const users = await User.all()
  const members = await VendorMember.all()
  return {
    topics: topics.length,
    vendors: vendors.length,
    links: vendors.reduce((sum, vendor) => sum + vendor.topics.length, 0),
    users: users.length,
    members: members.length,
  }
}

async function allVendors() {
  const vendors = await Vendor.query().orderBy('id')
  return vendors.map((vendor) => vendor.serialize())
}

test.group('demo:seed', (group) => {
  group.setup(() => ace.ui.switchMode('raw'))
  group.teardown(() => ace.ui.switchMode('normal'))
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('seeds the portal vendors in Social Media, with postal code and city as shown there', async ({
    assert,
  }) => {
    await runSeed()

    const socialMedia = await Topic.findByOrFail('slug', 'social-media')
    const vendors = await socialMedia.related('vendors').query().orderBy('name')
    const shown = vendors.map((vendor) => `${vendor.name}, ${vendor.postalCode} ${vendor.city}`)
    for (const expected of [
      'brain-SCC GmbH, 06217 Merseburg',
      'SEITENBAU GmbH, 78467 Konstanz',
      'TSA Public Service GmbH, 06108 Halle (Saale)',
      'ekom21 – KGRZ Hessen, 35398 Gießen',
    ]) {
      assert.include(shown, expected)
    }
    // More published vendors than the box's four places, so the box rotates.
    assert.isAbove(vendors.filter((vendor) => vendor.status === 'published').length, 4)
  })

  test('seeds about ten topics and ~30 more vendors, some not public', async ({ assert }) => {
    await runSeed()

    const topics = await Topic.query().withScopes((s) => s.ordered())
    assert.deepEqual(
      topics.map((topic) => topic.name),
      demoTopics.map((topic) => topic.name)
    )
    assert.includeMembers(
      topics.map((t) => t.name),
      ['E-Government', 'Social Media', 'IT-Sicherheit', 'Open Data', 'Bürgerservice']
    )
    const vendors = await Vendor.query().preload('topics')
    assert.lengthOf(vendors, demoVendors.length)
    assert.isAtLeast(vendors.length, 34)
    assert.isTrue(vendors.every((vendor) => vendor.topics.length >= 1))
    // Demo vendors are spread over every German state.
    assert.sameMembers([...new Set(vendors.map((vendor) => vendor.state))], [...GERMAN_STATES])
    const hidden = vendors.filter((vendor) => vendor.status !== 'published')
    assert.isNotEmpty(hidden)
    assert.isTrue(hidden.every((vendor) => vendor.publishedAt === null))
    // The made-up ones say so, and use reserved example domains only.
    for (const vendor of vendors.filter((v) => !/brain-SCC|SEITENBAU|TSA|ekom21/.test(v.name))) {
      assert.match(vendor.name, /^(Beispiel|Muster|Demo|Exempla) /)
      assert.match(vendor.website!, /^https:\/\/[a-z0-9-]+\.example\.(com|org|net)$/)
      assert.match(vendor.email!, /@example\.(com|org|net)$/)
    }
  })

  test('writes the search text, so the seed vendors are found with folded spellings', async ({
    assert,
  }) => {
    await runSeed()

    const ekom21 = await Vendor.findByOrFail('slug', 'ekom21-kgrz-hessen')
    assert.include(ekom21.searchText, 'giessen')
    assert.include(ekom21.searchText, 'social media')
  })

  test('running it twice neither duplicates nor changes anything', async ({ assert }) => {
    await runSeed()
    const first = await counts()
    const before = await allVendors()

    const second = await runSeed()

    assert.deepEqual(await counts(), first)
    assert.deepEqual(await allVendors(), before)
    second.assertLogMatches(/nothing to do/)
  })

  test('an existing, edited vendor is not overwritten', async ({ assert }) => {
    await runSeed()
    const seitenbau = await Vendor.findByOrFail('slug', 'seitenbau-gmbh')
    seitenbau.merge({ name: 'SEITENBAU GmbH (geändert)', city: 'Konstanz am Bodensee' })
    await seitenbau.save()
    await seitenbau.related('topics').detach()
    await Topic.query().where('slug', 'open-data').update({ name: 'Offene Daten' })

    await runSeed()

    await seitenbau.refresh()
    assert.equal(seitenbau.name, 'SEITENBAU GmbH (geändert)')
    assert.equal(seitenbau.city, 'Konstanz am Bodensee')
    assert.lengthOf(await seitenbau.related('topics').query(), 0)
    const openData = await Topic.findByOrFail('slug', 'open-data')
    assert.equal(openData.name, 'Offene Daten')
    assert.lengthOf(await Vendor.query().where('slug', 'seitenbau-gmbh'), 1)
  })

  test('new vendors get coordinates from imported postal codes', async ({ assert }) => {
    await PostalCode.create({
      code: '06108',
      place: 'Halle',
      state: null,
      latitude: 51.483,
      longitude: 11.972,
    })

    await runSeed()

    const tsa = await Vendor.findByOrFail('slug', 'tsa-public-service-gmbh')
    assert.equal(tsa.latitude, 51.483)
    assert.equal(tsa.longitude, 11.972)
    assert.equal(tsa.city, 'Halle (Saale)')
  })

  test('seeds the four demo accounts, confirmed, with the demo password', async ({ assert }) => {
    await runSeed()

    const users = await User.query().orderBy('email')
    assert.deepEqual(
      users.map((user) => [user.email, user.role]),
      [
        ['admin@example.com', 'admin'],
        ['advertiser@example.com', 'member'],
        ['editor@example.com', 'editor'],
        ['vendor@example.com', 'member'],
      ]
    )
    for (const user of users) {
      assert.isTrue(user.isConfirmed)
      assert.isFalse(user.isDisabled)
      assert.isTrue(await hash.verify(user.password, 'demo-password-2026'))
    }
    const verified = await User.verifyCredentials('vendor@example.com', 'demo-password-2026')
    const memberships = await verified.related('memberships').query().preload('vendor')
    assert.deepEqual(
      memberships.map((m) => [m.vendor.name, m.role]),
      [['SEITENBAU GmbH', 'owner']]
    )
    const advertiser = await User.findByOrFail('email', 'advertiser@example.com')
    assert.lengthOf(await advertiser.related('memberships').query(), 0)
  })

  test('an existing demo account is left as it is', async ({ assert }) => {
    await runSeed()
    const editor = await User.findByOrFail('email', 'editor@example.com')
    editor.merge({ name: 'Echte Redakteurin', password: 'a-changed-password' })
    await editor.save()

    await runSeed()

    await editor.refresh()
    assert.equal(editor.name, 'Echte Redakteurin')
    assert.isTrue(await hash.verify(editor.password, 'a-changed-password'))
    assert.lengthOf(await User.query().where('email', 'editor@example.com'), 1)
  })

  test('in production, even with --force, no demo account is created', async ({
    assert,
    cleanup,
  }) => {
    Object.defineProperty(app, 'inProduction', { get: () => true, configurable: true })
    cleanup(() => {
      delete (app as { inProduction?: boolean }).inProduction
    })

    const refused = await ace.create(DemoSeed, [])
    await refused.exec()
    assert.equal(refused.exitCode, 1)
    assert.lengthOf(await Vendor.all(), 0)

    const forced = await runSeed(['--force'])

    forced.assertLogMatches(/Demo accounts are never seeded in production/)
    assert.isNotEmpty(await Vendor.all())
    assert.lengthOf(await User.all(), 0)
    assert.lengthOf(await VendorMember.all(), 0)
  })
})
