import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, restoreLocale } from './i18n'
import { routeSocketEvents } from './realtime/events'
import './styles/global.css'

const app = createApp(App).use(createPinia())
// Once Pinia is installed (the routes look their stores up when an event comes), before anything connects.
routeSocketEvents()
app.use(i18n).use(router)
// English, if chosen before, is fetched first, so the app never shows a page in the wrong language.
void restoreLocale().finally(() => app.mount('#app'))
