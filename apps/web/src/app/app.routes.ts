import type { Routes } from '@angular/router';

/** Lazy routes: the first page carries only what it needs. */
export const routes: Routes = [
  { path: '', title: 'Timeline · Work Plan tracker', loadComponent: () => import('./gantt/gantt-page.component').then((m) => m.GanttPageComponent) },
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
