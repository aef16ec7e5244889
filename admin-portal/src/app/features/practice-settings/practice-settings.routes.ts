import type { Routes } from '@angular/router';

export const PRACTICE_SETTINGS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'settings' },
  {
    path: 'settings',
    title: 'Practice Settings',
    loadComponent: () => import('./practice-settings.page').then((m) => m.PracticeSettingsPage),
  },
];
