import Vant from 'vant'
import 'vant/lib/index.css'
import { startApp } from '@shared/start'
import App from './App.vue'
import { routes } from './routes'
import { paymentReturn } from './payment'
import zh from '../locales/zh-CN.json'
import en from '../locales/en.json'

// Back from the payment platform's cashier: show that order's payment, and drop the platform's parameters from the
// address bar (they prove nothing, and should not be bookmarked or shared).
const paidOrder = paymentReturn(window.location.search)
if (paidOrder) window.history.replaceState(null, '', `${window.location.pathname}#/payment/${encodeURIComponent(paidOrder)}`)

void startApp({ root: App, routes, messages: { 'zh-CN': zh, en }, ui: Vant })
