import { defineConfig } from 'vite'
import { appConfig } from '../shared/vite'

export default defineConfig(appConfig('h5', 5173))
