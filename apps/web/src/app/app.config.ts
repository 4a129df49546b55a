import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { AuthService } from './auth/auth.service';
import { firstPaintAnswers } from './first-paint-answers';
import { nextTask } from '../first-paint';
import { provideRouter, withComponentInputBinding, withDisabledInitialNavigation } from '@angular/router';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([firstPaintAnswers])),
    // The first navigation is started by startApp, in the task after the app's frame is drawn.
    provideRouter(routes, withComponentInputBinding(), withDisabledInitialNavigation()),
    // Who is signed in; the same request gives the XSRF cookie every write echoes. The app's page is
    // made in the task after the one its services were made in, so that neither holds the page up long.
    provideAppInitializer(() => {
      void inject(AuthService).refresh();
      return nextTask();
    }),
  ],
};
