import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { Notifier } from './notifier';

@Component({ template: '' })
class Blank {}

/** A status message belongs to the screen it was shown on. */
describe('Notifier', () => {
  let notifier: Notifier;
  let router: Router;
  let snackBar: MatSnackBar;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', component: Blank },
          { path: '', component: Blank },
        ]),
      ],
    });
    notifier = TestBed.inject(Notifier);
    router = TestBed.inject(Router);
    snackBar = TestBed.inject(MatSnackBar);
  });

  function shown(): string | undefined {
    return snackBar._openedSnackBarRef?.instance.data.message;
  }

  /** Resolves once the message on screen now has been dismissed (it would last 5 seconds on its own). */
  function dismissalOfShown(): Promise<void> {
    const ref = snackBar._openedSnackBarRef;
    if (!ref) throw new Error('no message shown');
    return new Promise((resolve) => ref.afterDismissed().subscribe(() => resolve()));
  }

  async function expectDismissedSoon(dismissal: Promise<void>): Promise<void> {
    let dismissed = false;
    void dismissal.then(() => (dismissed = true));
    await vi.waitFor(() => expect(dismissed).toBe(true), { timeout: 1000 });
  }

  it('dismisses the message at the next navigation: no old "You have signed out." after signing back in', async () => {
    await router.navigateByUrl('/sign-in');
    notifier.info('You have signed out.');
    expect(shown()).toBe('You have signed out.');
    const dismissal = dismissalOfShown();
    await router.navigateByUrl('/');
    await expectDismissedSoon(dismissal);
  });

  it('shows a message about where the user is sent on the screen they arrive at', async () => {
    const navigation = router.navigateByUrl('/sign-in');
    notifier.infoAfter(navigation, 'You have signed out.');
    await navigation;
    await vi.waitFor(() => expect(shown()).toBe('You have signed out.'));
    const dismissal = dismissalOfShown();
    await router.navigateByUrl('/');
    await expectDismissedSoon(dismissal);
  });
});
