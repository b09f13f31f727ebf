import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n/index.ts'
import { router } from './router.ts'

const app = createApp(App).use(createPinia()).use(router).use(i18n)
// The map reads its first camera from the URL hash, so the route must be resolved before mounting.
router.isReady().then(() => app.mount('#app'))
