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
  {
    path: 'versions',
    title: 'Versions of the plan · Work Plan tracker',
    loadComponent: () => import('./versions/versions-page.component').then((m) => m.VersionsPageComponent),
  },
  { path: 'risks', title: 'Risks · Work Plan tracker', loadComponent: () => import('./risks/risks-page.component').then((m) => m.RisksPageComponent) },
  {
    path: 'reports',
    title: 'Reports · Work Plan tracker',
    loadComponent: () => import('./reports/reports-page.component').then((m) => m.ReportsPageComponent),
  },
  { path: 'sign-in', title: 'Sign in · Work Plan tracker', loadComponent: () => import('./auth/sign-in-page.component').then((m) => m.SignInPageComponent) },
  {
    path: 'accounts',
    title: 'Accounts · Work Plan tracker',
    loadComponent: () => import('./accounts/accounts-page.component').then((m) => m.AccountsPageComponent),
  },
  {
    path: 'import',
    title: 'Import a plan · Work Plan tracker',
    loadComponent: () => import('./imports/plan-import-page.component').then((m) => m.PlanImportPageComponent),
  },
  {
    path: 'settings',
    title: 'Your settings · Work Plan tracker',
    loadComponent: () => import('./accounts/settings-page.component').then((m) => m.SettingsPageComponent),
  },
  {
    path: 'invitation',
    title: 'Set your password · Work Plan tracker',
    data: { kind: 'invitation' },
    loadComponent: () => import('./accounts/set-password-page.component').then((m) => m.SetPasswordPageComponent),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · Work Plan tracker',
    data: { kind: 'reset' },
    loadComponent: () => import('./accounts/set-password-page.component').then((m) => m.SetPasswordPageComponent),
  },
  {
    path: 'forgot-password',
    title: 'Forgot your password · Work Plan tracker',
    loadComponent: () => import('./accounts/forgot-password-page.component').then((m) => m.ForgotPasswordPageComponent),
  },
  { path: '**', redirectTo: '' },
];
