import factory from '@adonisjs/lucid/factories'
import Topic from '#models/topic'
import { slugify } from '#services/slug'
import { VendorFactory } from '#database/factories/vendor_factory'

let sequence = 0

/** Topics in creation order (`position`), with a unique slug. */
export const TopicFactory = factory
  .define(Topic, ({ faker }) => {
    sequence += 1
    const name = `${faker.word.noun()} ${sequence}`
    return {
      slug: `${slugify(name, 110)}-${sequence}`,
      name,
      description: faker.lorem.sentence(),
      position: sequence,
    }
  })
  .relation('vendors', () => VendorFactory)
  .build()
