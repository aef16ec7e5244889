import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { routes } from './app.routes';
import { errorInterceptor } from './core/api/error.interceptor';
import { credentialsInterceptor } from './core/auth/credentials.interceptor';
import { PageTitleStrategy } from './core/ui/page-title.strategy';
import { provideFormErrors } from './shared/validators';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    // The credentials interceptor runs first on the way out, the error interceptor first on the way back.
    provideHttpClient(withInterceptors([credentialsInterceptor, errorInterceptor])),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } },
    provideFormErrors(),
  ],
};
