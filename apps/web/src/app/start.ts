import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

/** Starts the app (main.ts calls it once the home page's first paint is drawn). */
export function startApp(): void {
  bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => console.error(error));
}
