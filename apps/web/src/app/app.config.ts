import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { AuthService } from './auth/auth.service';
import { firstPaintAnswers } from './first-paint-answers';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([firstPaintAnswers])),
    provideRouter(routes, withComponentInputBinding()),
    // Who is signed in; the same request gives the XSRF cookie every write echoes.
    provideAppInitializer(() => {
      void inject(AuthService).refresh();
    }),
  ],
};
