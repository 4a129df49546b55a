import { nextTask, paintChartPage } from './first-paint';

// The home page's chart is drawn first (first-paint.ts). The app is asked for once the chart is
// drawn (asked for earlier, its download and compilation took the time the first paint needed) and
// starts when it is here, taking the chart over; it starts whatever the first paint did. Its
// modules are evaluated in one task and it starts in another.
let app: Promise<typeof import('./app/start')> | null = null;
const load = () => (app ??= (preloadApp(), import('./app/start')));

/** The app's modules asked for all at once (the web build lists them in the page, inert, as <template id="wp-app-modules">). */
function preloadApp(): void {
  const listed = document.getElementById('wp-app-modules');
  if (listed instanceof HTMLTemplateElement) document.head.append(listed.content.cloneNode(true));
}

void paintChartPage()
  .catch((error: unknown) => console.error(error))
  .then(async () => {
    const { startApp } = await load();
    await nextTask();
    startApp();
  })
  .catch((error: unknown) => console.error(error));
