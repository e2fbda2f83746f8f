import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEB_DIR = Symbol('WEB_DIR');

/** The Vite build (`dist/console-web`), found from the compiled service or the repository root. */
export function resolveWebDir(configured: string | undefined): string {
  const candidates = configured
    ? [resolve(configured)]
    : [resolve(__dirname, '../../../../console-web'), resolve(process.cwd(), 'dist/console-web')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new Error(`the console's web build is missing (looked in ${candidates.join(', ')}): run the build`);
  return found;
}
