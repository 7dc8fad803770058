import { createRouter, createWebHistory, loadRouteLocation } from 'vue-router'
import { useSessionStore } from './stores/session'
import { i18n } from './i18n'
// The board is the page people open first and most: its code comes with the app's, not after it.
import BoardView from './views/BoardView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (login, setup). */
    public?: boolean
    /** Administrators only. */
    admin?: boolean
    /** i18n key of the page title. */
    title?: string
    /** A kiosk page (the wall display): no session, no top bar; its token is its credential. */
    kiosk?: boolean
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/setup', name: 'setup', component: () => import('./views/SetupView.vue'), meta: { public: true, title: 'setup.title' } },
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true, title: 'login.title' } },
    { path: '/', name: 'cycles', component: () => import('./views/CyclesView.vue'), meta: { title: 'cycles.title' } },
    { path: '/cycles/:id', name: 'board', component: BoardView, props: true, meta: { title: 'board.title' } },
    { path: '/cycles/:id/dashboard', name: 'dashboard', component: () => import('./views/CycleDashboardView.vue'), props: true, meta: { title: 'dashboard.title' } },
    { path: '/cycles/:id/report', name: 'report', component: () => import('./views/CycleReportView.vue'), props: true, meta: { title: 'report.title' } },
    { path: '/cycles/:id/flowchart', name: 'flowchart', component: () => import('./views/TemplateFlowchartView.vue'), props: (r) => ({ cycleId: String(r.params.id) }), meta: { title: 'flowchart.title' } },
    { path: '/tugas', name: 'tasks', component: () => import('./views/TasksView.vue'), meta: { title: 'tasks.title' } },
    { path: '/kata-sandi', name: 'password', component: () => import('./views/PasswordView.vue'), meta: { title: 'password.title' } },
    { path: '/admin/users', name: 'admin-users', component: () => import('./views/AdminUsersView.vue'), meta: { admin: true, title: 'users.title' } },
    { path: '/admin/calendar', name: 'admin-calendar', component: () => import('./views/AdminCalendarView.vue'), meta: { admin: true, title: 'calendar.title' } },
    { path: '/admin/displays', name: 'admin-displays', component: () => import('./views/AdminDisplaysView.vue'), meta: { admin: true, title: 'wall.admin.title' } },
    { path: '/admin/templates', name: 'admin-templates', component: () => import('./views/AdminTemplatesView.vue'), meta: { admin: true, title: 'templates.title' } },
    { path: '/admin/templates/new', name: 'admin-template-new', component: () => import('./views/TemplateEditorView.vue'), meta: { admin: true, title: 'templates.editor.newTitle' } },
    { path: '/admin/templates/:id/edit', name: 'admin-template-edit', component: () => import('./views/TemplateEditorView.vue'), props: true, meta: { admin: true, title: 'templates.editor.editPageTitle' } },
    {
      path: '/admin/templates/:id/v/:version/flowchart',
      name: 'admin-template-flowchart',
      component: () => import('./views/TemplateFlowchartView.vue'),
      props: (r) => ({ templateId: String(r.params.id), version: String(r.params.version) }),
      meta: { admin: true, title: 'flowchart.title' },
    },
    { path: '/admin/audit', name: 'admin-audit', component: () => import('./views/AdminAuditView.vue'), meta: { admin: true, title: 'audit.title' } },
    { path: '/wall/:token', name: 'wall', component: () => import('./views/WallView.vue'), props: true, meta: { public: true, kiosk: true, title: 'wall.title' } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
  ],
})

router.beforeEach(async (to) => {
  // The page's code is fetched while the session is asked for, not after it: on a slow link the
  // two round trips overlap. Where the guard sends the user elsewhere, that page loads as usual.
  void loadRouteLocation(to).catch(() => undefined)
  // The wall never signs in: whoever's cookie the TV's browser holds plays no part.
  if (to.meta.kiosk) return true
  const session = useSessionStore()
  await session.ensureLoaded()
  // Without an answer from the server the app shows its retry screen; do not bounce around.
  if (session.bootError) return true

  if (session.needsSetup) return to.name === 'setup' ? true : { name: 'setup' }
  if (to.name === 'setup') return session.me ? { name: 'cycles' } : { name: 'login' }
  if (!session.me) return to.meta.public ? true : { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (to.name === 'login') return { name: 'cycles' }
  // A password reset by an administrator: choosing one's own comes before anything else.
  if (session.me.mustChangePassword && to.name !== 'password') return { name: 'password' }
  if (to.meta.admin && !session.me.isAdmin) return { name: 'cycles' }
  return true
})

router.afterEach((to) => {
  const title = to.meta.title ? i18n.global.t(to.meta.title) : ''
  document.title = title ? `${title} · Papan SOP` : 'Papan SOP'
})
