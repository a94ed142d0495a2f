import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'

@inject()
export default class HomeController {
  constructor(private directory: DirectoryService) {}

  async index({ view }: HttpContext) {
    const topics = await this.directory.topicsWithCounts()
    const radiusAvailable = await this.directory.radiusAvailable()
    return view.render('pages/home/index', { topics, radiusAvailable })
  }
}
