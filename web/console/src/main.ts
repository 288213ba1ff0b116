import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import { startApp } from '@shared/start'
import App from './App.vue'
import { routes } from './routes'
import zh from '../locales/zh-CN.json'
import en from '../locales/en.json'

void startApp({ root: App, routes, messages: { 'zh-CN': zh, en }, ui: ElementPlus })
