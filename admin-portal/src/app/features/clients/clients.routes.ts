import type { Routes } from '@angular/router';

export const CLIENT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: '/' },
  {
    path: ':id',
    title: 'Client file',
    loadComponent: () => import('./client-file.page').then((m) => m.ClientFilePage),
  },
];
