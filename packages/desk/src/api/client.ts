import type {
  AssessmentGroup,
  AssessmentRow,
  AuditEntry,
  AvailableCommands,
  CaseFilter,
  CasePage,
  CaseView,
  DemoLogin,
  HazardReportInput,
  JsonSchema,
  PackSummary,
  Problem,
  TimerRow,
  TrailVerification,
} from './types';

/**
 * Every call the desk makes to @hazardflow/http, in one place: if the service's routes or
 * shapes move, this file (and `types.ts`) is what changes. The desk sends the bearer token
 * the user logged in with; the service decides who that is and what they may see.
 */

/** A problem+json answer (or a network failure, as status 0) the screens can show as it is. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export interface SendOptions {
  /** The case version the user saw (sent as `If-Match`), so a stale form is refused, not applied. */
  expectedVersion?: number;
  /** Sent as `Idempotency-Key`: a retried click is replayed, never applied twice. */
  idempotencyKey?: string;
}

/** One event of the service's Server-Sent Events stream. */
export interface StreamEvent {
  type: string;
  data: unknown;
  caseId: string | undefined;
}

export interface ApiClient {
  readonly baseUrl: string;
  packs(): Promise<{ packs: PackSummary[] }>;
  queryCases(filter: CaseFilter, page?: { cursor?: string | undefined; limit?: number }): Promise<CasePage>;
  getCase(id: string): Promise<CaseView>;
  history(id: string): Promise<AuditEntry[]>;
  verifyHistory(id: string): Promise<TrailVerification>;
  timers(id: string): Promise<TimerRow[]>;
  availableCommands(id: string): Promise<AvailableCommands>;
  send(id: string, command: { type: string; [key: string]: unknown }, options?: SendOptions): Promise<CaseView>;
  report(input: HazardReportInput, options?: { idempotencyKey?: string }): Promise<CaseView>;
  assessment(groupBy: AssessmentGroup, window?: { from?: string; to?: string }): Promise<AssessmentRow[]>;
  /** The command schemas, by command type, from the service's OpenAPI document. */
  commandSchemas(): Promise<Record<string, JsonSchema>>;
  /** Follows the event stream until `signal` aborts; reconnects after a dropped connection. */
  subscribe(onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<void>;
}

/** The API sits one level above the desk: the desk at `/desk/` talks to `/`. */
export function defaultApiBase(location: Location = window.location): string {
  const url = new URL('..', new URL('.', location.href));
  url.hash = '';
  url.search = '';
  return url.href;
}

/** Demo logins the service may publish beside the desk (absent: only "paste a token"). */
export async function fetchDemoLogins(location: Location = window.location): Promise<DemoLogin[]> {
  try {
    const response = await fetch(new URL('demo-logins.json', new URL('.', location.href)));
    if (!response.ok) return [];
    const body = (await response.json()) as { logins?: DemoLogin[] };
    return Array.isArray(body.logins) ? body.logins : [];
  } catch {
    return [];
  }
}

export function createApiClient(options: { baseUrl: string; token: string; fetch?: typeof fetch }): ApiClient {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${options.token}`,
    accept: 'application/json, application/problem+json',
    ...extra,
  });

  async function call<T>(path: string, init: RequestInit = {}): Promise<{ body: T; response: Response }> {
    let response: Response;
    try {
      response = await doFetch(new URL(path, baseUrl), {
        ...init,
        headers: headers(init.headers as Record<string, string>),
      });
    } catch (error) {
      throw new ApiError({
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: 'NETWORK',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const problem = isProblem(body)
        ? body
        : { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP', detail: text };
      throw new ApiError(problem);
    }
    return { body: body as T, response };
  }
  const get = async <T>(path: string) => (await call<T>(path)).body;
  const post = async <T>(path: string, payload: unknown, extra: Record<string, string> = {}) =>
    (
      await call<T>(path, {
        method: 'POST',
        body: JSON.stringify(payload),
        headers: { 'content-type': 'application/json', ...extra },
      })
    ).body;
  const enc = encodeURIComponent;

  let schemas: Promise<Record<string, JsonSchema>> | undefined;

  return {
    baseUrl,
    packs: () => get('packs'),
    queryCases(filter, page = {}) {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(filter)) {
        if (value !== undefined && value !== '') query.set(key, String(value));
      }
      if (page.cursor) query.set('cursor', page.cursor);
      query.set('limit', String(page.limit ?? 50));
      return get(`cases?${query}`);
    },
    getCase: (id) => get(`cases/${enc(id)}`),
    history: async (id) => (await get<{ entries: AuditEntry[] }>(`cases/${enc(id)}/history`)).entries,
    verifyHistory: (id) => get(`cases/${enc(id)}/history/verification`),
    timers: async (id) => (await get<{ timers: TimerRow[] }>(`cases/${enc(id)}/timers`)).timers,
    availableCommands: (id) => get(`cases/${enc(id)}/commands`),
    async send(id, command, opts = {}) {
      const extra: Record<string, string> = {};
      if (opts.expectedVersion !== undefined) extra['if-match'] = `"${opts.expectedVersion}"`;
      if (opts.idempotencyKey !== undefined) extra['idempotency-key'] = opts.idempotencyKey;
      return (await post<{ case: CaseView }>(`cases/${enc(id)}/commands`, command, extra)).case;
    },
    async report(input, opts = {}) {
      const extra: Record<string, string> = {};
      if (opts.idempotencyKey !== undefined) extra['idempotency-key'] = opts.idempotencyKey;
      const body = await post<{ case: CaseView } | CaseView>('cases', input, extra);
      return 'case' in body ? body.case : body;
    },
    async assessment(groupBy, window = {}) {
      const query = new URLSearchParams({ groupBy });
      if (window.from) query.set('from', window.from);
      if (window.to) query.set('to', window.to);
      return (await get<{ rows: AssessmentRow[] }>(`assessment?${query}`)).rows;
    },
    commandSchemas() {
      schemas ??= get<OpenApiDocument>('openapi.json').then(commandSchemasOf);
      schemas.catch(() => {
        schemas = undefined;
      });
      return schemas;
    },
    async subscribe(onEvent, signal) {
      while (!signal.aborted) {
        try {
          const response = await doFetch(new URL('events', baseUrl), {
            headers: headers({ accept: 'text/event-stream' }),
            signal,
          });
          if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
          onEvent({ type: 'open', data: null, caseId: undefined });
          await readEventStream(response.body, onEvent);
        } catch {
          if (signal.aborted) return;
        }
        // Reconnect after a pause (the stream's own `retry`, like EventSource's default).
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 3000);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && 'detail' in body;
}

interface OpenApiDocument {
  components?: { schemas?: Record<string, JsonSchema> };
}

/**
 * The `Command` schema is a union with one variant per command type (`type: const`); each
 * variant becomes that command's form. `$ref`s into components are resolved here.
 */
export function commandSchemasOf(document: OpenApiDocument): Record<string, JsonSchema> {
  const components = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined => {
    if (!schema || depth > 20) return schema;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return resolve(components[name], depth + 1);
    }
    const out: JsonSchema = { ...schema };
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, depth + 1) ?? {}]),
      );
    }
    if (schema.items) out.items = resolve(schema.items, depth + 1) ?? {};
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = schema[key];
      if (list) out[key] = list.map((s) => resolve(s, depth + 1) ?? {});
    }
    return out;
  };
  const command = resolve(components.Command);
  const variants = command?.oneOf ?? command?.anyOf ?? [];
  const byType: Record<string, JsonSchema> = {};
  for (const variant of variants) {
    const type = variant.properties?.type;
    const name = typeof type?.const === 'string' ? type.const : type?.enum?.[0];
    if (typeof name === 'string') byType[name] = variant;
  }
  return byType;
}

/** Reads `text/event-stream` frames (`event:`, `data:`, blank line) until the stream ends. */
async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: StreamEvent) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let match = FRAME_END.exec(buffer); match !== null; match = FRAME_END.exec(buffer)) {
      dispatchFrame(buffer.slice(0, match.index), onEvent);
      buffer = buffer.slice(match.index + match[0].length);
    }
  }
}

const FRAME_END = /\r?\n\r?\n/;

function dispatchFrame(frame: string, onEvent: (event: StreamEvent) => void) {
  let type = 'message';
  const data: string[] = [];
  for (const line of frame.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return;
  let parsed: unknown = data.join('\n');
  try {
    parsed = JSON.parse(parsed as string);
  } catch {
    // plain text data stays a string
  }
  onEvent({ type, data: parsed, caseId: caseIdOf(parsed) });
}

function caseIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  if (typeof record.caseId === 'string') return record.caseId;
  const inner = (record.case ?? record.view) as Record<string, unknown> | undefined;
  return typeof inner?.id === 'string' ? inner.id : undefined;
}
