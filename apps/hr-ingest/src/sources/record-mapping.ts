import type { EmployeeField, EventField, SourceMappingConfig, TenureField } from './hr-sources.config';

/** A source record read through its mapping: Tenure fields, whether it says "leaving", and where each came from. */
export interface MappedRecord {
  employee: Partial<Record<EmployeeField, string>>;
  event: Partial<Record<EventField, string>>;
  leaving: boolean;
  /** The termination's effective date or instant, as the source wrote it. */
  leavingOn?: string;
  /** Tenure field → the source field it was read from, to name the source's field in errors. */
  sourceFieldOf: Partial<Record<TenureField, string>>;
}

const EVENT_FIELD_SET = new Set<string>(['eventId', 'type', 'effectiveAt']);

/** A scalar as text; empty text, null and structures count as absent. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

function lookup(map: Record<string, string> | undefined, value: string): string {
  if (!map) return value;
  const wanted = value.toLowerCase();
  const key = Object.keys(map).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? value : map[key];
}

/** Applies a source's field names, value maps and termination rule to one of its records. */
export function mapRecord(record: Record<string, unknown>, mapping: SourceMappingConfig): MappedRecord {
  const mapped: MappedRecord = { employee: {}, event: {}, leaving: false, sourceFieldOf: {} };
  for (const [sourceField, target] of Object.entries(mapping.fields)) {
    const raw = textOf(record[sourceField]);
    if (raw === undefined) continue;
    const value =
      target === 'employmentType' || target === 'department' || target === 'location'
        ? lookup(mapping.values?.[target], raw)
        : raw;
    if (EVENT_FIELD_SET.has(target)) mapped.event[target as EventField] = value;
    else mapped.employee[target as EmployeeField] = value;
    mapped.sourceFieldOf[target] = sourceField;
  }
  const rule = mapping.termination;
  if (rule) {
    const marker = textOf(record[rule.field]);
    const wanted = rule.values?.map((value) => value.toLowerCase());
    mapped.leaving = marker !== undefined && (wanted === undefined || wanted.includes(marker.toLowerCase()));
    if (mapped.leaving && rule.effectiveDateField) mapped.leavingOn = textOf(record[rule.effectiveDateField]);
    // The termination date stands for effectiveAt (draftFromMapped): an error about it names its own field.
    if (mapped.leavingOn !== undefined && mapped.event.effectiveAt === undefined && rule.effectiveDateField)
      mapped.sourceFieldOf.effectiveAt = rule.effectiveDateField;
  }
  return mapped;
}
