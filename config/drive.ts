import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/**
 * Vendor logos. Local disk by default, served under /uploads by UploadsController.
 */
const driveConfig = defineConfig({
  default: env.get('DRIVE_DISK', 'fs'),
  services: {
    fs: services.fs({
      location: app.makePath(env.get('UPLOADS_DIR', 'storage/uploads')),
      // Served by our own route (start/routes.ts, UploadsController), which
      // refuses path tricks before it touches the disk.
      serveFiles: false,
      visibility: 'public',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
