import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { routeSocketEvents } from './realtime/events'
import './styles/global.css'

const app = createApp(App).use(createPinia())
// Once Pinia is installed (the routes look their stores up when an event comes), before anything connects.
routeSocketEvents()
app.use(i18n).use(router).mount('#app')
