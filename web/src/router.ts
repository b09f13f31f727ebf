import { createRouter, createWebHistory } from 'vue-router'
import MapWorkspace from './views/MapWorkspace.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'map', component: MapWorkspace },
    { path: '/wall', name: 'wall', component: () => import('./views/WallView.vue') },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
