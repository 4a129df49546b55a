import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';
import { nextTask } from '../first-paint';

// The app's modules are evaluated in one task, and it starts in the next.
await nextTask();
bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => console.error(error));
