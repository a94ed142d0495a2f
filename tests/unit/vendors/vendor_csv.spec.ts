import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { TopicFactory } from '#database/factories/topic_factory'
import {
  detectDelimiter,
  escapeCell,
  headerProblem,
  readVendorCsv,
  topicSlugsOf,
  unescapeCell,
  validateVendorRecord,
  vendorCsvRecord,
  VendorCsvHeaderError,
} from '#services/vendors/vendor_csv'

const HEADER =
  'slug,name,street,postal_code,city,state,country,phone,email,website,description,topics,status'

async function topics() {
  const [social, egov] = await TopicFactory.merge([
    { slug: 'social-media', name: 'Social Media', position: 1 },
    { slug: 'e-government', name: 'E-Government', position: 2 },
  ]).createMany(2)
  return new Map([
    [social.slug, social.id],
    [egov.slug, egov.id],
  ])
}

const valid = {
  slug: '',
  name: ' brain-SCC GmbH ',
  street: '',
  postal_code: '06217',
  city: 'Merseburg',
  state: 'sachsen-anhalt',
  country: '',
  phone: '',
  email: 'info@brain-scc.de',
  website: 'https://www.brain-scc.de',
  description: 'IT-Dienstleister.',
  topics: 'social-media|e-government',
  status: '',
}

test.group('Vendors / CSV format', () => {
  test('cells a spreadsheet would run as formulas get a quote, and lose it on import', ({
    assert,
  }) => {
    const cases = [
      ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
      ['@SUM(1)', `'@SUM(1)`],
      ['+cmd|calc', `'+cmd|calc`],
      ['-2+3+cmd', `'-2+3+cmd`],
      ['\tTab', `'\tTab`],
      ['+49 345 123-45', '+49 345 123-45'],
      ['-', '-'],
      ["'=already", "''=already"],
      ["it's fine", "it's fine"],
      ['Normal', 'Normal'],
    ]
    for (const [value, escaped] of cases) {
      assert.equal(escapeCell(value), escaped, value)
      assert.equal(unescapeCell(escapeCell(value)), value, value)
    }
    assert.equal(unescapeCell("'plain"), "'plain")
  })

  test('the delimiter follows the header row', ({ assert }) => {
    assert.equal(detectDelimiter(HEADER), ',')
    assert.equal(detectDelimiter(HEADER.replaceAll(',', ';')), ';')
    assert.equal(detectDelimiter('name'), ',')
  })

  test('headers need the required columns and nothing unknown', ({ assert }) => {
    assert.isNull(headerProblem(HEADER.split(',')))
    assert.isNull(headerProblem(['name', 'postal_code', 'city', 'topics']))
    assert.equal(headerProblem(['name', 'city', 'topics']), 'Missing columns: postal_code')
    assert.equal(
      headerProblem(['name', 'postal_code', 'city', 'topics', 'plz']),
      'Unknown columns: plz'
    )
    assert.equal(
      headerProblem(['name', 'postal_code', 'city', 'topics', 'name']),
      'Columns given twice: name'
    )
  })

  test('topic slugs are split at | or ;, trimmed and lower-cased', ({ assert }) => {
    assert.deepEqual(topicSlugsOf(' Social-Media | e-government;geodaten||'), [
      'social-media',
      'e-government',
      'geodaten',
    ])
    assert.deepEqual(topicSlugsOf(''), [])
  })

  test('records carry the line they start on, also after quoted line breaks ({$self})')
    .with(['LF', 'CRLF'] as const)
    .run(async ({ assert }, newline) => {
      const nl = newline === 'LF' ? '\n' : '\r\n'
      const csv = [
        '\uFEFFname;postal_code;city;topics;description',
        'Eins;06108;Halle;social-media;"zwei',
        'Zeilen"',
        '',
        'Drei;06217;Merseburg;social-media;"Ä',
        '',
        'ö"',
        'Vier;06217;Merseburg;social-media;x',
      ].join(nl)

      const records = await readVendorCsv(csv, ';')

      assert.deepEqual(
        records.map(({ line, record }) => [line, record.name]),
        [
          [2, 'Eins'],
          [5, 'Drei'],
          [8, 'Vier'],
        ]
      )
      assert.equal(records[0].record.description, `zwei${nl}Zeilen`)
    })

  test('an unusable header stops the reading', async ({ assert }) => {
    await assert.rejects(() => readVendorCsv('name,plz\nA,1\n', ','), VendorCsvHeaderError)
  })

  test('a vendor becomes one record in the column order, topics joined by |', ({ assert }) => {
    const record = vendorCsvRecord(
      {
        slug: 'a-gmbh',
        name: 'A GmbH',
        street: null,
        postalCode: '06108',
        city: 'Halle (Saale)',
        state: null,
        country: 'DE',
        phone: '+49 345 1',
        email: null,
        website: null,
        description: '=1+1',
        status: 'published',
      },
      ['social-media', 'e-government']
    )
    assert.deepEqual(record, {
      slug: 'a-gmbh',
      name: 'A GmbH',
      street: '',
      postal_code: '06108',
      city: 'Halle (Saale)',
      state: '',
      country: 'DE',
      phone: '+49 345 1',
      email: '',
      website: '',
      description: "'=1+1",
      topics: 'social-media|e-government',
      status: 'published',
    })
  })
})

test.group('Vendors / CSV rows', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a valid row becomes vendor attributes, normalized by the web form rules', async ({
    assert,
  }) => {
    const known = await topics()

    const result = await validateVendorRecord(7, valid, known)

    assert.isTrue(result.ok)
    if (!result.ok) return
    assert.equal(result.row.line, 7)
    assert.isNull(result.row.slug)
    assert.isNull(result.row.status)
    assert.deepEqual(result.row.attributes, {
      name: 'brain-SCC GmbH',
      street: null,
      postalCode: '06217',
      city: 'Merseburg',
      state: 'Sachsen-Anhalt',
      country: 'DE',
      phone: null,
      email: 'info@brain-scc.de',
      website: 'https://www.brain-scc.de',
      description: 'IT-Dienstleister.',
    })
    assert.deepEqual(
      result.row.topicIds,
      [known.get('social-media')!, known.get('e-government')!].sort((a, b) => a - b)
    )
  })

  test('bad rows are refused with their line and a reason naming the column', async ({
    assert,
  }) => {
    const known = await topics()
    const cases: [Record<string, string>, RegExp][] = [
      [{ postal_code: '6217' }, /^postal_code: A German postal code has exactly 5 digits/],
      [{ name: '' }, /^name: /],
      [{ email: 'kein-at' }, /^email: Please enter a valid e-mail address/],
      [{ website: 'javascript:alert(1)' }, /^website: /],
      [{ topics: 'social-media|gibt-es-nicht' }, /^topics: unknown topic gibt-es-nicht/],
      [{ topics: '' }, /^topics: /],
      [{ state: 'Bayernland' }, /^state: Please choose one of the 16 German states/],
      [{ slug: 'Nicht Gültig' }, /^slug: /],
      [{ status: 'pending' }, /^status: one of published, draft, archived/],
    ]
    for (const [change, reason] of cases) {
      const result = await validateVendorRecord(12, { ...valid, ...change }, known)
      assert.isFalse(result.ok, JSON.stringify(change))
      if (result.ok) continue
      assert.equal(result.line, 12)
      assert.match(result.reason, reason)
    }
  })

  test('slug and status are taken as given; a formula quote is removed', async ({ assert }) => {
    const known = await topics()
    const result = await validateVendorRecord(
      2,
      { ...valid, slug: 'brain-scc', status: 'Draft', description: "'=1+1" },
      known
    )
    assert.isTrue(result.ok)
    if (!result.ok) return
    assert.equal(result.row.slug, 'brain-scc')
    assert.equal(result.row.status, 'draft')
    assert.equal(result.row.attributes.description, '=1+1')
  })
})
