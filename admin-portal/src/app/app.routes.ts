import type { Routes } from '@angular/router';
import { adminGuard, authGuard, guestGuard, twoFactorCompliantGuard } from './core/auth/guards';
import { Shell } from './core/layout/shell';

/** Every feature is a lazy chunk; the shell (toolbar) is the only signed-in code in the initial bundle. */
export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Client List',
        canActivate: [twoFactorCompliantGuard],
        loadComponent: () => import('./features/clients/client-list.page').then((m) => m.ClientListPage),
      },
      {
        path: 'clients',
        canActivate: [twoFactorCompliantGuard],
        loadChildren: () => import('./features/clients/clients.routes').then((m) => m.CLIENT_ROUTES),
      },
      {
        path: 'profile',
        loadChildren: () => import('./features/profile/profile.routes').then((m) => m.PROFILE_ROUTES),
      },
      {
        path: 'practice',
        canActivate: [adminGuard],
        loadChildren: () =>
          import('./features/practice-settings/practice-settings.routes').then((m) => m.PRACTICE_SETTINGS_ROUTES),
      },
      {
        path: 'notifications',
        title: 'Notifications',
        loadComponent: () => import('./features/notifications/notifications.page').then((m) => m.NotificationsPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
