import { nextTask, takeOverFirstPaint } from './first-paint';

// The home page comes with its chart drawn by the server (first-paint.ts). The answers the page was
// drawn from are read at once; the app's modules are asked for in the next task (all at once), so
// that neither holds the page up long. The app starts once both are here, showing itself in the
// first paint's place. Its modules are evaluated in one task and it starts in another.
/** The app's modules asked for all at once (the web build lists them in the page, inert, as <template id="wp-app-modules">). */
function preloadApp(): void {
  const listed = document.getElementById('wp-app-modules');
  if (listed instanceof HTMLTemplateElement) document.head.append(listed.content.cloneNode(true));
}

const read = takeOverFirstPaint().catch((error: unknown) => console.error(error));
const app = nextTask().then(() => {
  preloadApp();
  return import('./app/start');
});
void Promise.all([read, app])
  .then(async ([, { startApp }]) => {
    await nextTask();
    startApp();
  })
  .catch((error: unknown) => console.error(error));
