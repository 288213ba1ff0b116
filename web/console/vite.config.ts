import { defineConfig } from 'vite'
import { appConfig } from '../shared/vite'

export default defineConfig(appConfig('console', 5174))
