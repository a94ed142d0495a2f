import factory from '@adonisjs/lucid/factories'
import Topic from '#models/topic'

let sequence = 0

export const TopicFactory = factory
  .define(Topic, ({ faker }) => {
    sequence += 1
    const name = `${faker.word.noun()} ${sequence}`
    return {
      slug: `${faker.helpers.slugify(name).toLowerCase()}-${sequence}`,
      name,
      description: faker.lorem.sentence(),
      position: sequence,
    }
  })
  .build()
