import { join } from 'node:path';
import { ConfigFileError, loadYamlConfig, parseYamlConfig } from '@tenure/config';
import { HR_SOURCES_FILE, HrSourcesConfig, SourceId } from './hr-sources.config';

/** Sources whose records are not in Tenure's own shape: without a mapping they cannot be read. */
const MAPPED_SOURCES: SourceId[] = ['bamboohr', 'csv'];

/** Checks what class-validator cannot see field by field: each mapped source names its employee id. */
function checkMappings(file: string, config: HrSourcesConfig): HrSourcesConfig {
  const problems: { path: string; message: string }[] = [];
  for (const source of MAPPED_SOURCES) {
    const mapping = config.sources[source]?.mapping;
    if (!config.sources[source]) continue;
    if (!mapping) {
      problems.push({ path: `sources.${source}`, message: 'mapping is required for this source' });
      continue;
    }
    const targets = Object.values(mapping.fields);
    if (!targets.includes('employeeId')) {
      problems.push({ path: `sources.${source}.mapping.fields`, message: 'one field must map to employeeId' });
    }
    const twice = targets.filter((target, index) => targets.indexOf(target) !== index);
    for (const target of new Set(twice)) {
      problems.push({ path: `sources.${source}.mapping.fields`, message: `${target} is mapped from two fields` });
    }
  }
  if (problems.length > 0) throw new ConfigFileError(file, problems);
  return config;
}

export function parseHrSources(file: string, text: string, env: NodeJS.ProcessEnv = process.env): HrSourcesConfig {
  return checkMappings(file, parseYamlConfig(file, text, HrSourcesConfig, env));
}

/** Reads `<config dir>/hr-sources.yaml`; a mistake stops the service with the file, the path and the problem. */
export function loadHrSources(configDir: string, env: NodeJS.ProcessEnv = process.env): HrSourcesConfig {
  const file = join(configDir, HR_SOURCES_FILE);
  return checkMappings(file, loadYamlConfig(file, HrSourcesConfig, env));
}
