import { useId } from 'react';
import type { JsonSchema } from '../api/types';
import { useLocale } from '../i18n/locale';
import { FIELD_LABELS, VALUE_LABELS } from '../i18n/vocabulary-labels';
import { EvidenceEditor, type EvidenceRow } from './evidence-editor';

/**
 * A form drawn from a command's JSON Schema (the service's OpenAPI document): enums become
 * selects, booleans checkboxes, string lists one-per-line text areas, a `{ workingDays } |
 * { days } | { hours } | { minutes }` union a whole number with its unit, evidence lists rows of references. The
 * service validates what is sent; the form only helps to get it right the first time.
 */
export type FormValue = unknown;

export function variantOf(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

function isDuration(schema: JsonSchema): boolean {
  const variants = variantOf(schema);
  return !!variants?.length && variants.every((v) => v.properties && Object.keys(v.properties).length === 1);
}

function isEvidenceList(name: string, schema: JsonSchema): boolean {
  return name === 'evidence' && typeOf(schema) === 'array' && !!schema.items?.properties?.uri;
}

const LONG_TEXT = new Set(['note', 'text', 'reason', 'description', 'measures', 'emergencyPlan']);

export function SchemaFields({
  schema,
  value,
  onChange,
  path,
  skip = [],
  evidenceKinds = [],
  actorId,
}: {
  schema: JsonSchema;
  value: Record<string, FormValue>;
  onChange: (value: Record<string, FormValue>) => void;
  path: string;
  skip?: string[];
  evidenceKinds?: string[];
  actorId: string;
}) {
  const entries = Object.entries(schema.properties ?? {}).filter(([name]) => !skip.includes(name));
  const required = new Set(schema.required ?? []);
  return (
    <>
      {entries.map(([name, child]) => (
        <SchemaField
          key={name}
          name={name}
          schema={child}
          required={required.has(name) && child.default === undefined}
          value={value[name]}
          onChange={(v) => onChange({ ...value, [name]: v })}
          path={`${path}.${name}`}
          evidenceKinds={evidenceKinds}
          actorId={actorId}
        />
      ))}
    </>
  );
}

function SchemaField({
  name,
  schema,
  required,
  value,
  onChange,
  path,
  evidenceKinds,
  actorId,
}: {
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: FormValue;
  onChange: (value: FormValue) => void;
  path: string;
  evidenceKinds: string[];
  actorId: string;
}) {
  const { vocab, t } = useLocale();
  const id = useId();
  const label = vocab(FIELD_LABELS, name);
  const mark = required ? <span aria-hidden="true"> *</span> : null;

  if (isEvidenceList(name, schema)) {
    return (
      <EvidenceEditor
        rows={(value as EvidenceRow[] | undefined) ?? []}
        onChange={onChange}
        kinds={evidenceKinds}
        actorId={actorId}
        legend={label}
      />
    );
  }
  if (isDuration(schema)) {
    const current = (value as { unit: string; amount: string } | undefined) ?? { unit: '', amount: '' };
    const units = (variantOf(schema) ?? []).map((v) => Object.keys(v.properties ?? {})[0] ?? '');
    const unit = current.unit || units[0] || 'workingDays';
    return (
      <fieldset className="duration">
        <legend>
          {label}
          {mark}
        </legend>
        <label htmlFor={`${id}-amount`} className="visually-hidden">
          {label}
        </label>
        <input
          id={`${id}-amount`}
          type="number"
          min={1}
          required={required}
          value={current.amount}
          onChange={(e) => onChange({ unit, amount: e.target.value })}
        />
        <label htmlFor={`${id}-unit`} className="visually-hidden">
          {t('timerEvent')}
        </label>
        <select
          id={`${id}-unit`}
          value={unit}
          onChange={(e) => onChange({ unit: e.target.value, amount: current.amount })}
        >
          {units.map((u) => (
            <option key={u} value={u}>
              {vocab(FIELD_LABELS, u)}
            </option>
          ))}
        </select>
      </fieldset>
    );
  }
  const type = typeOf(schema);
  if (schema.enum) {
    return (
      <div className="field">
        <label htmlFor={id}>
          {label}
          {mark}
        </label>
        <select
          id={id}
          required={required}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          name={path}
        >
          {!required && <option value="">—</option>}
          {required && value === undefined && <option value="">—</option>}
          {schema.enum.map((option) => (
            <option key={String(option)} value={String(option)}>
              {vocab(VALUE_LABELS, String(option))}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (type === 'boolean') {
    return (
      <div className="field checkbox">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          name={path}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  if (type === 'object' && schema.properties) {
    return (
      <fieldset>
        <legend>
          {label}
          {mark}
        </legend>
        <SchemaFields
          schema={schema}
          value={(value as Record<string, FormValue> | undefined) ?? {}}
          onChange={onChange}
          path={path}
          actorId={actorId}
        />
      </fieldset>
    );
  }
  if (type === 'object') {
    // A record of findings: one `name=value` per line.
    return (
      <div className="field">
        <label htmlFor={id}>
          {label} <span className="muted small">(name=value)</span>
        </label>
        <textarea id={id} rows={2} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} name={path} />
      </div>
    );
  }
  if (type === 'array') {
    return (
      <div className="field">
        <label htmlFor={id}>
          {label}
          {mark}
        </label>
        <textarea
          id={id}
          rows={2}
          required={required && (schema.minItems ?? 0) > 0}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          name={path}
        />
      </div>
    );
  }
  const numeric = type === 'number' || type === 'integer';
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {mark}
      </label>
      {LONG_TEXT.has(name) ? (
        <textarea
          id={id}
          rows={2}
          required={required}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          name={path}
        />
      ) : (
        <input
          id={id}
          type={numeric ? 'number' : 'text'}
          required={required}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          name={path}
        />
      )}
    </div>
  );
}

/** The form's state as the command body: empty optional fields left out, lists and units unpacked. */
export function payloadOf(schema: JsonSchema, value: Record<string, FormValue>, now: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const v = value[name];
    if (v === undefined || v === '') continue;
    if (isEvidenceList(name, child)) {
      const rows = (v as EvidenceRow[]).filter((r) => r.kind && r.uri);
      if (rows.length > 0) out[name] = rows.map((r) => ({ kind: r.kind, uri: r.uri, by: r.by, at: now }));
    } else if (isDuration(child)) {
      const d = v as { unit: string; amount: string };
      if (d.amount) out[name] = { [d.unit || 'workingDays']: Number(d.amount) };
    } else if (child.enum) {
      out[name] = v;
    } else if (typeOf(child) === 'boolean') {
      out[name] = v === true;
    } else if (typeOf(child) === 'object' && child.properties) {
      const nested = payloadOf(child, v as Record<string, FormValue>, now);
      if (Object.keys(nested).length > 0) out[name] = nested;
    } else if (typeOf(child) === 'object') {
      const record: Record<string, string | number | boolean> = {};
      for (const line of String(v).split('\n')) {
        const [key, ...rest] = line.split('=');
        if (!key?.trim()) continue;
        const raw = rest.join('=').trim();
        record[key.trim()] =
          raw === 'true'
            ? true
            : raw === 'false'
              ? false
              : raw !== '' && !Number.isNaN(Number(raw))
                ? Number(raw)
                : raw;
      }
      out[name] = record;
    } else if (typeOf(child) === 'array') {
      out[name] = String(v)
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (typeOf(child) === 'number' || typeOf(child) === 'integer') {
      out[name] = Number(v);
    } else {
      out[name] = v;
    }
  }
  return out;
}
