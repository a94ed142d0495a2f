import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * One German postal code with one coordinate (the mean of its places).
 * Imported from GeoNames data by `node ace geo:import`.
 */
export default class PostalCode extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare code: string

  @column()
  declare place: string

  @column()
  declare state: string | null

  @column()
  declare latitude: number

  @column()
  declare longitude: number
}
