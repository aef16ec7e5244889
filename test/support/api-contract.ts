import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The product team's REST contract. The repository keeps a verbatim copy, so the suite runs in any checkout; CI
 * compares it with the team's own file beside the repository and fails when they differ.
 */
export const API_CONTRACT_FILE = resolve(process.env.API_CONTRACT ?? 'docs/api-contract.md');

export interface ContractRoute {
  method: string;
  /** As the OpenAPI document writes it: `/api/clients/{id}`. */
  path: string;
  /** Every status the route's section names. */
  statuses: string[];
  /** The error codes the section names, by status: `401 INVALID_CREDENTIALS; 409 A / B`. */
  errorCodes: Array<{ status: string; code: string }>;
  /** The fields of the request body, when the section gives one. */
  bodyFields: string[] | null;
  /** The top-level fields of the success response, when the section spells them out. */
  responseFields: string[];
}

/** Reads every `### METHOD /path` section of API.md. */
export function contractRoutes(markdown = readFileSync(API_CONTRACT_FILE, 'utf8')): ContractRoute[] {
  const routes: ContractRoute[] = [];
  const sections = markdown.split(/^(?=#{2,3} )/m);
  for (const section of sections) {
    const heading = /^### (GET|POST|PATCH|PUT|DELETE) (\/\S*)/.exec(section);
    if (!heading) continue;
    const text = section.slice(heading[0].length);
    const statuses = [...new Set([...text.matchAll(/\b([1-5]\d\d)\b/g)].map((match) => match[1]))];
    // A status that opens a line, a list item or a sentence names this route's answers ("… 409 A / B");
    // one inside a sentence ("rejected with 401 X", "client files then answer 401 Y") is about other routes.
    const errorCodes = [
      ...text.matchAll(/(?:^|(?<=- |; |\. ))([45]\d\d) ((?:[A-Z][A-Z_]{3,})(?: \/ [A-Z][A-Z_]{3,})*)/gm),
      ...text.matchAll(/\b([45]\d\d) with code `([A-Z_]+)`/g),
    ].flatMap((match) => match[2].split(' / ').map((code) => ({ status: match[1], code })));
    const body = /Body:? `(\{[^`]*\})`/.exec(text);
    const success = /\b2\d\d `\[?(\{[^`]*\})\]?`/.exec(text) ?? (/\b2\d\d Profile\b/.test(text) ? ['', PROFILE_EXAMPLE] : null);
    routes.push({
      method: heading[1],
      path: `/api${heading[2].replace(/:(\w+)/g, '{$1}')}`,
      statuses,
      errorCodes,
      bodyFields: body ? fieldNames(body[1]) : null,
      responseFields: success ? fieldNames(success[1]) : [],
    });
  }
  return routes;
}

/** The Profile object GET /profile spells out, which other sections refer to by name. */
const PROFILE_EXAMPLE = '{ "id", "email", "firstName", "lastName", "initials", "role", "practice", "twoFactor" }';

/** The names at the top level of `{ "a": string, "b", "c"?: x, "d": { "e" } }`: a, b, c, d. */
function fieldNames(object: string): string[] {
  let depth = 0;
  let topLevel = '';
  for (const char of object.slice(1, -1)) {
    if (char === '{' || char === '[') depth++;
    if (depth === 0) topLevel += char;
    if (char === '}' || char === ']') depth--;
  }
  return [...`,${topLevel}`.matchAll(/,\s*"(\w+)"/g)].map((match) => match[1]);
}
