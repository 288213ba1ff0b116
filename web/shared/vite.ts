import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import type { UserConfig } from 'vite'

/**
 * One Vite set-up for both apps: each is built into the web jar's META-INF/resources/<app>, so the gateway serves
 * it at /<app>/. `npm run dev:<app>` proxies the API and the app's runtime settings to a running gateway
 * (GATEWAY_URL, default the ./run gateway on :8080).
 */
export function appConfig(app: 'h5' | 'console', devPort: number): UserConfig {
  const gateway = process.env.GATEWAY_URL ?? 'http://localhost:8080'
  return {
    root: fileURLToPath(new URL(`../${app}`, import.meta.url)),
    base: `/${app}/`,
    plugins: [vue()],
    resolve: { alias: { '@shared': fileURLToPath(new URL('.', import.meta.url)) } },
    build: {
      outDir: fileURLToPath(new URL(`../target/classes/META-INF/resources/${app}`, import.meta.url)),
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
    },
    server: {
      port: devPort,
      strictPort: true,
      proxy: { '/api': gateway, [`/${app}/config.json`]: gateway },
    },
  }
}
