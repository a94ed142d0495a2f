import { test } from '@japa/runner'
import { boundingBox, haversineKm, inBoundingBox } from '#services/geo/distance'

const BERLIN = { latitude: 52.52, longitude: 13.405 }
const MUNICH = { latitude: 48.1351, longitude: 11.582 }
const GIESSEN = { latitude: 50.5841, longitude: 8.6784 }
const MERSEBURG = { latitude: 51.3548, longitude: 11.9923 }

test.group('Geo / distance', () => {
  test('Berlin to Munich is about 504 km', ({ assert }) => {
    assert.closeTo(haversineKm(BERLIN, MUNICH), 504, 3)
  })

  test('Merseburg to Gießen is about 250 km', ({ assert }) => {
    assert.closeTo(haversineKm(MERSEBURG, GIESSEN), 250, 10)
  })

  test('distance is zero to itself and the same both ways', ({ assert }) => {
    assert.equal(haversineKm(BERLIN, BERLIN), 0)
    assert.closeTo(haversineKm(BERLIN, MUNICH), haversineKm(MUNICH, BERLIN), 1e-9)
  })

  test('one degree of latitude is about 111 km', ({ assert }) => {
    assert.closeTo(
      haversineKm({ latitude: 50, longitude: 10 }, { latitude: 51, longitude: 10 }),
      111.2,
      0.2
    )
  })

  test('the bounding box holds every point within the radius', ({ assert }) => {
    for (const centre of [BERLIN, MUNICH, GIESSEN, { latitude: 54.8, longitude: 9.4 }]) {
      for (const radius of [1, 10, 50, 300]) {
        const box = boundingBox(centre, radius)
        const span = radius / 50 // degrees, comfortably wider than the radius
        let inside = 0
        for (let i = -40; i <= 40; i++) {
          for (let j = -40; j <= 40; j++) {
            const point = {
              latitude: centre.latitude + (i / 40) * span,
              longitude: centre.longitude + (j / 40) * span * 2,
            }
            if (haversineKm(centre, point) <= radius) {
              inside += 1
              assert.isTrue(
                inBoundingBox(point, box),
                `${JSON.stringify(point)} within ${radius} km`
              )
            }
          }
        }
        assert.isAbove(inside, 100)
      }
    }
  })

  test('the bounding box is not much larger than the radius', ({ assert }) => {
    const box = boundingBox(BERLIN, 50)
    const north = haversineKm(BERLIN, { latitude: box.maxLat, longitude: BERLIN.longitude })
    const east = haversineKm(BERLIN, { latitude: BERLIN.latitude, longitude: box.maxLon })
    assert.closeTo(north, 50, 0.5)
    assert.isAtLeast(east, 50)
    assert.isBelow(east, 55)
    assert.isFalse(inBoundingBox(MUNICH, box))
  })

  test('near a pole the box spans every longitude', ({ assert }) => {
    const box = boundingBox({ latitude: 89.9, longitude: 0 }, 100)
    assert.equal(box.maxLat, 90)
    assert.equal(box.minLon, -180)
    assert.equal(box.maxLon, 180)
  })
})
