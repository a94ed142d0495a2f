import factory from '@adonisjs/lucid/factories'
import PostalCode from '#models/postal_code'

let sequence = 0

/** A postal code with its coordinate, as geo:import leaves it. */
export const PostalCodeFactory = factory
  .define(PostalCode, ({ faker }) => {
    sequence += 1
    return {
      code: String(10000 + (sequence % 90000)).padStart(5, '0'),
      place: faker.location.city(),
      state: null,
      latitude: faker.location.latitude({ min: 47.3, max: 55 }),
      longitude: faker.location.longitude({ min: 5.9, max: 15 }),
    }
  })
  .build()
