import type { Routes } from '@angular/router';

export const PROFILE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Manage Profile',
    loadComponent: () => import('./manage-profile.page').then((m) => m.ManageProfilePage),
  },
  {
    path: 'two-factor/enable',
    title: 'Enable Two-Factor Authentication (2FA)',
    loadComponent: () => import('./enable-two-factor.page').then((m) => m.EnableTwoFactorPage),
  },
];
