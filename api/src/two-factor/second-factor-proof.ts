/**
 * A code (from the app, or a backup code) that was checked and is right now. Checking and spending are apart so
 * that sign-in can spend it only once it holds the challenge: a refused request then spends nothing.
 */
export interface SecondFactorProof {
  /** Spends the code; false when a simultaneous request spent it first. */
  spend(): Promise<boolean>;
}
