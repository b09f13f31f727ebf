import { createRouter, createWebHistory } from 'vue-router'
import { installAuthGuard } from './router-guard.ts'
import MapWorkspace from './views/MapWorkspace.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'map', component: MapWorkspace },
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
    { path: '/wall', name: 'wall', component: () => import('./views/WallView.vue') },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
    { path: '/tokens', name: 'tokens', component: () => import('./views/TokensView.vue'), meta: { needs: 'tokens' } },
    { path: '/admin/users', name: 'admin-users', component: () => import('./views/AdminUsersView.vue'), meta: { needs: 'admin' } },
    { path: '/admin/audit', name: 'admin-audit', component: () => import('./views/AdminAuditView.vue'), meta: { needs: 'admin' } },
    { path: '/admin/wall', name: 'admin-wall', component: () => import('./views/AdminWallView.vue'), meta: { needs: 'admin' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

installAuthGuard(router)
