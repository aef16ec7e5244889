/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": a setup key is read and typed in groups of 4. */
export function groupSetupKey(secret: string): string {
  const compact = secret.replace(/\s+/g, '').toUpperCase();
  return compact.match(/.{1,4}/g)?.join(' ') ?? '';
}
