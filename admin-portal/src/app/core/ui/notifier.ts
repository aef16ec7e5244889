import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { NavigationStart, Router } from '@angular/router';
import { filter } from 'rxjs';

/**
 * Short, polite status messages (saved, copied, signed out). Errors that need attention stay on the page.
 *
 * A message belongs to the screen it was shown on: the next navigation dismisses it, so an old "You have signed
 * out." is not still there after signing back in. A message about where the user is being sent is shown once the
 * navigation has ended (`infoAfter`).
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  constructor() {
    inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationStart))
      .subscribe(() => this.snackBar.dismiss());
  }

  info(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 5000, politeness: 'polite' });
  }

  /** The message on the screen a navigation arrives at, e.g. `infoAfter(router.navigateByUrl('/sign-in'), …)`. */
  infoAfter(navigation: Promise<unknown>, message: string): void {
    void navigation.then(() => this.info(message));
  }
}
