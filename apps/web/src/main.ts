import { nextTask, paintChartPage } from './first-paint';

// The home page's chart is drawn first (first-paint.ts). The app downloads meanwhile, from the moment
// the first paint has the answers it draws from (before that it would compete with them for the
// connections), and starts once the chart is drawn, taking it over; it starts whatever the first
// paint did. Its modules are evaluated in one task and it starts in another.
let app: Promise<typeof import('./app/start')> | null = null;
const load = () => (app ??= (preloadApp(), import('./app/start')));

/** The app's modules asked for all at once (the web build lists them in the page, inert, as <template id="wp-app-modules">). */
function preloadApp(): void {
  const listed = document.getElementById('wp-app-modules');
  if (listed instanceof HTMLTemplateElement) document.head.append(listed.content.cloneNode(true));
}

void paintChartPage(() => void load())
  .catch((error: unknown) => console.error(error))
  .then(async () => {
    const { startApp } = await load();
    await nextTask();
    startApp();
  })
  .catch((error: unknown) => console.error(error));
