import edge from 'edge.js'
import app from '@adonisjs/core/services/app'

edge.global('appName', 'Anbieterverzeichnis')
edge.global('inProduction', app.inProduction)
