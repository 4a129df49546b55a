import { paintChartPage } from './first-paint';

// The home page's chart is drawn first, then the app starts (its script is already on its way: the
// index page preloads it) and takes the chart over. The app starts whatever the first paint did.
void paintChartPage()
  .catch((error: unknown) => console.error(error))
  .then(() => import('./app/start'))
  .catch((error: unknown) => console.error(error));
