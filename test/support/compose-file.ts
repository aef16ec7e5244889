import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const COMPOSE_FILE = resolve('docker/compose.yml');

/**
 * The `environment:` mapping of one service of docker/compose.yml, as written (before interpolation). A small
 * reader for the one shape this file uses (`    NAME: value` under `  service:`), not a YAML parser.
 */
export function composeEnvironment(service: string, text = readFileSync(COMPOSE_FILE, 'utf8')): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.indexOf(`  ${service}:`);
  if (start < 0) throw new Error(`No service ${service} in ${COMPOSE_FILE}`);
  const environment: Record<string, string> = {};
  let inEnvironment = false;
  for (const line of lines.slice(start + 1)) {
    if (/^ {2}\S/.test(line) || /^\S/.test(line)) break;
    if (/^ {4}\S/.test(line)) inEnvironment = line.trim() === 'environment:';
    const entry = inEnvironment ? /^ {6}([A-Z_]+): (.*)$/.exec(line) : null;
    if (entry) environment[entry[1]] = entry[2].replace(/^"(.*)"$/, '$1');
  }
  return environment;
}

/** `${NAME:-default}` becomes the default, `${NAME:?message}` and `${NAME}` the value given (as compose does). */
export function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (given[name]) return given[name];
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required by the compose file`);
  });
}
