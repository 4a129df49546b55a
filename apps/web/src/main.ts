import { nextTask, takeOverFirstPaint } from './first-paint';

// The home page comes with its chart drawn by the server (first-paint.ts). The app's modules are
// asked for at once, while the answers the page was drawn from are read; it starts once both are
// here, showing itself in the first paint's place. Its modules are evaluated in one task and it
// starts in another.
/** The app's modules asked for all at once (the web build lists them in the page, inert, as <template id="wp-app-modules">). */
function preloadApp(): void {
  const listed = document.getElementById('wp-app-modules');
  if (listed instanceof HTMLTemplateElement) document.head.append(listed.content.cloneNode(true));
}

preloadApp();
const app = import('./app/start');
void Promise.all([takeOverFirstPaint().catch((error: unknown) => console.error(error)), app])
  .then(async ([, { startApp }]) => {
    await nextTask();
    startApp();
  })
  .catch((error: unknown) => console.error(error));
