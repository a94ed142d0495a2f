import { test } from '@japa/runner'
import type { VendorSnapshot } from '#models/vendor_revision'
import { diffSnapshots, SNAPSHOT_FIELDS } from '#services/vendor_snapshot'
import { displayValue } from '#services/revision_diff'

const published: VendorSnapshot = {
  name: 'Alt GmbH',
  street: 'Alte Straße 1',
  postalCode: '06108',
  city: 'Halle (Saale)',
  state: 'Sachsen-Anhalt',
  country: 'DE',
  phone: null,
  email: 'alt@example.com',
  website: 'https://alt.example.com',
  description: 'Alt.',
  logoPath: 'logos/alt.png',
  topicIds: [3, 1],
}

const topicNames = new Map([
  [1, 'Social Media'],
  [2, 'E-Government'],
  [3, 'Geodaten'],
])

test.group('Moderation / revision diff', () => {
  test('an unchanged revision has every field, none changed, in form order', ({ assert }) => {
    const diff = diffSnapshots(published, { ...published, topicIds: [1, 3] })
    assert.deepEqual(
      diff.map((row) => row.field),
      [...SNAPSHOT_FIELDS]
    )
    assert.isTrue(
      diff.every((row) => !row.changed),
      'topic order alone is no change'
    )
  })

  test('marks exactly the changed fields, with both values', ({ assert }) => {
    const diff = diffSnapshots(published, {
      ...published,
      city: 'Merseburg',
      phone: '03461 1',
      logoPath: null,
      topicIds: [2, 1],
    })
    const changed = diff.filter((row) => row.changed)
    assert.deepEqual(
      changed.map((row) => [row.field, row.before, row.after]),
      [
        ['city', 'Halle (Saale)', 'Merseburg'],
        ['phone', null, '03461 1'],
        ['logoPath', 'logos/alt.png', null],
        ['topicIds', [1, 3], [1, 2]],
      ]
    )
  })

  test('every single field counts as a change', ({ assert }) => {
    const other: VendorSnapshot = {
      name: 'Neu',
      street: null,
      postalCode: '06217',
      city: 'Merseburg',
      state: null,
      country: 'AT',
      phone: '1',
      email: null,
      website: null,
      description: 'Neu.',
      logoPath: 'logos/neu.png',
      topicIds: [2],
    }
    const diff = diffSnapshots(published, other)
    assert.deepEqual(
      diff.filter((row) => row.changed).map((row) => row.field),
      [...SNAPSHOT_FIELDS]
    )
  })

  test('values are shown as text, topics by name, the logo as an image, empty as empty', ({
    assert,
  }) => {
    assert.deepEqual(displayValue('topicIds', [3, 1, 9], topicNames), {
      kind: 'topics',
      names: ['Geodaten', 'Social Media', '#9'],
    })
    assert.deepEqual(displayValue('topicIds', [], topicNames), { kind: 'empty' })
    assert.deepEqual(displayValue('logoPath', 'logos/a b.png', topicNames), {
      kind: 'logo',
      url: '/uploads/logos/a%20b.png',
    })
    // The description also comes as the sanitized HTML the public page shows.
    assert.deepEqual(displayValue('description', '<script>x</script>\n**zwei**', topicNames), {
      kind: 'text',
      text: '<script>x</script>\n**zwei**',
      multiline: true,
      html: '\n<p><strong>zwei</strong></p>\n',
    })
    assert.deepEqual(displayValue('city', 'Halle', topicNames), {
      kind: 'text',
      text: 'Halle',
      multiline: false,
    })
    assert.deepEqual(displayValue('street', null, topicNames), { kind: 'empty' })
    assert.deepEqual(displayValue('website', '', topicNames), { kind: 'empty' })
  })
})
