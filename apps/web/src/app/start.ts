import { bootstrapApplication } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { nextTask } from '../first-paint';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

/**
 * Starts the app (main.ts calls it once the home page's first paint is drawn): its frame first, then,
 * in a task of its own, the page its address asks for (the router's first navigation).
 */
export function startApp(): void {
  bootstrapApplication(AppComponent, appConfig)
    .then(async (app) => {
      await nextTask();
      app.injector.get(Router).initialNavigation();
    })
    .catch((error: unknown) => console.error(error));
}
