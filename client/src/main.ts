import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, restoreLocale } from './i18n'
import { routeSocketEvents } from './realtime/events'
import { fetchPageBoard } from './stores/board'
import './styles/global.css'

// First of all: on a board's page its cards are already on their way (the page preloads them).
fetchPageBoard(location.pathname)

const app = createApp(App).use(createPinia())
// Once Pinia is installed (the routes look their stores up when an event comes), before anything connects.
routeSocketEvents()
app.use(i18n).use(router)
// English, if chosen before, is fetched first, so the app never shows a page in the wrong language.
void restoreLocale().finally(() => app.mount('#app'))
