import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./views/HomeView.vue') },
  { path: '/check', component: () => import('./views/SelfCheckView.vue') },
  { path: '/book', component: () => import('./views/BookView.vue') },
  { path: '/bookings', component: () => import('./views/BookingsView.vue') },
  { path: '/bookings/:no/reschedule', component: () => import('./views/RescheduleView.vue'), props: true },
  { path: '/waitlist', component: () => import('./views/WaitlistView.vue') },
  { path: '/messages', component: () => import('./views/MessagesView.vue') },
  { path: '/applications', component: () => import('./views/ApplicationsView.vue') },
  { path: '/payment/:orderNo', component: () => import('./views/PaymentView.vue'), props: true },
]
