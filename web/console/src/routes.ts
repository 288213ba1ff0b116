import type { RouteRecordRaw } from 'vue-router'

/** Screens by role: the menu shows those the token's roles open (the API checks again). */
export const screens = [
  { path: '/check-in', roles: ['officer'], component: () => import('./views/CheckInView.vue') },
  { path: '/intake', roles: ['officer'], component: () => import('./views/IntakeView.vue') },
  { path: '/payments', roles: ['officer'], component: () => import('./views/PaymentsView.vue') },
  { path: '/collection', roles: ['officer'], component: () => import('./views/CollectionView.vue') },
  { path: '/review', roles: ['reviewer'], component: () => import('./views/ReviewView.vue') },
  { path: '/supervision', roles: ['supervisor'], component: () => import('./views/SupervisionView.vue') },
  { path: '/admin', roles: ['admin'], component: () => import('./views/AdminView.vue') },
]

export const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./views/StartView.vue') },
  ...screens.map(({ path, component }) => ({ path, component })),
]
