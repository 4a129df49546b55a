import type { Routes } from '@angular/router';
import { GanttPageComponent } from './gantt/gantt-page.component';

/**
 * The home page (the Gantt chart) is in the first bundle: nearly every visit opens it, and loading it
 * lazily put one more round trip between the page and the chart. The other pages load on demand.
 */
export const routes: Routes = [
  { path: '', title: 'Timeline · Work Plan tracker', component: GanttPageComponent },
  {
    path: 'actions/:number',
    title: 'Action · Work Plan tracker',
    loadComponent: () => import('./actions/action-page.component').then((m) => m.ActionPageComponent),
  },
  {
    path: 'organisations',
    title: 'Organisations · Work Plan tracker',
    loadComponent: () => import('./organisations/organisations-page.component').then((m) => m.OrganisationsPageComponent),
  },
  { path: 'risks', title: 'Risks · Work Plan tracker', loadComponent: () => import('./risks/risks-page.component').then((m) => m.RisksPageComponent) },
  { path: 'sign-in', title: 'Sign in · Work Plan tracker', loadComponent: () => import('./auth/sign-in-page.component').then((m) => m.SignInPageComponent) },
  { path: '**', redirectTo: '' },
];
