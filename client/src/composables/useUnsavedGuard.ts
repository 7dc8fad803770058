import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'

/** Asks before an edit is lost: on leaving the page in the app, and on closing or reloading the tab. */
export function useUnsavedGuard(unsaved: Readonly<Ref<boolean>>, question: () => string): void {
  onBeforeRouteLeave(() => !unsaved.value || window.confirm(question()))
  function onBeforeUnload(event: BeforeUnloadEvent) {
    if (unsaved.value) event.preventDefault()
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload))
}
