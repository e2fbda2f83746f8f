import { readFileSync } from 'node:fs';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseDocument } from 'yaml';
import { flattenValidationErrors } from '@tenure/contracts';

/** A configuration problem that names the file, the path inside it and what is wrong. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`);
    this.name = 'ConfigFileError';
  }
}

const VARIABLE = /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g;

/** `${NAME}` and `${NAME:-default}` in string values, so one file serves dev, test and production. */
export function interpolate(value: unknown, env: NodeJS.ProcessEnv, missing: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(VARIABLE, (_, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      missing.push(name);
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env, missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, missing)]));
  }
  return value;
}

/** `apps.2.auth.type` → `apps[2].auth.type`, as a person reading the YAML would write it. */
function readablePath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

export function parseYamlConfig<T extends object>(
  file: string,
  text: string,
  cls: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigFileError(
      file,
      document.errors.map((error) => ({ path: '', message: error.message.split('\n')[0] })),
    );
  }
  const missing: string[] = [];
  const plain = interpolate(document.toJS() ?? {}, env, missing);
  if (missing.length > 0) {
    throw new ConfigFileError(
      file,
      missing.map((name) => ({ path: '', message: `environment variable ${name} is not set and has no default` })),
    );
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ConfigFileError(file, [{ path: '', message: 'the file must hold a mapping at the top level' }]);
  }
  const instance = plainToInstance(cls, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new ConfigFileError(
      file,
      flattenValidationErrors(errors).map(({ field, message }) => {
        const unknownKey = /^property (\S+) should not exist$/.exec(message);
        if (!unknownKey) return { path: readablePath(field), message };
        // A misspelt key is reported where it stands: in its parent.
        return { path: readablePath(field.split('.').slice(0, -1).join('.')), message: `unknown key ${unknownKey[1]}` };
      }),
    );
  }
  return instance;
}

export function loadYamlConfig<T extends object>(
  file: string,
  cls: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    throw new ConfigFileError(file, [{ path: '', message: reason }]);
  }
  return parseYamlConfig(file, text, cls, env);
}
