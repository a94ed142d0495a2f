import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Slot from '#models/slot'
import Topic from '#models/topic'
import DemoSeeder from '#database/seeders/demo_seeder'
import { demoTopics } from '#database/data/demo_catalog'

async function slotRows() {
  const slots = await Slot.query().preload('topic').orderBy('id')
  return slots.map((slot) => ({
    id: slot.id,
    topic: slot.topic.slug,
    position: slot.position,
    format: slot.format,
    capacity: slot.capacity,
    priceCents: slot.priceCents,
    active: slot.active,
  }))
}

test.group('Demo slots', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every demo topic gets a sidebar (3 × 300x250) and a vendor_box slot (2); a second run changes nothing', async ({
    assert,
  }) => {
    const first = await new DemoSeeder(db.connection()).seed()
    assert.equal(first.slotsCreated, demoTopics.length * 2)

    const rows = await slotRows()
    assert.lengthOf(rows, demoTopics.length * 2)
    for (const { slug } of demoTopics) {
      const own = rows.filter((row) => row.topic === slug)
      assert.deepEqual(
        own.map(({ id: _id, ...row }) => row),
        [
          {
            topic: slug,
            position: 'sidebar',
            format: '300x250',
            capacity: 3,
            priceCents: 19_000,
            active: true,
          },
          {
            topic: slug,
            position: 'vendor_box',
            format: null,
            capacity: 2,
            priceCents: 12_000,
            active: true,
          },
        ]
      )
    }

    // An editor's change survives, and nothing is added twice.
    const social = await Topic.findByOrFail('slug', 'social-media')
    await Slot.query()
      .where('topic_id', social.id)
      .where('position', 'sidebar')
      .update({ capacity: 5 })
    const before = await slotRows()
    const second = await new DemoSeeder(db.connection()).seed()
    assert.equal(second.slotsCreated, 0)
    assert.deepEqual(await slotRows(), before)
    assert.include(
      before.find((row) => row.topic === 'social-media' && row.position === 'sidebar'),
      { capacity: 5 }
    )
  })
})
