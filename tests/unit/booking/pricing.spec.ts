import { test } from '@japa/runner'
import { priceOf, quote, vatOf } from '#services/booking/pricing'

test.group('Price and VAT', () => {
  test('VAT is 19 % of the net total, rounded half up to the cent', ({ assert }) => {
    assert.equal(vatOf(10_000), 1_900)
    // 0.5 cent rounds up: 50 × 19 % = 9.5
    assert.equal(vatOf(50), 10)
    // 0.49 cent rounds down: 1 × 19 % = 0.19
    assert.equal(vatOf(1), 0)
    assert.equal(vatOf(3), 1) // 0.57
    assert.equal(vatOf(0), 0)
  })

  test('a quote is weeks × price, with VAT on the total', ({ assert }) => {
    assert.deepEqual(quote(29_900, 2), { netCents: 59_800, vatCents: 11_362, grossCents: 71_162 })
    // VAT of the total, not the sum of rounded weekly VATs
    assert.deepEqual(quote(2_550, 3), { netCents: 7_650, vatCents: 1_454, grossCents: 9_104 })
    assert.deepEqual(priceOf(0), { netCents: 0, vatCents: 0, grossCents: 0 })
  })
})
