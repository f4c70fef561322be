import { COMMAND_TYPES } from '@hazardflow/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebikeReport, type Service, startService } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const served = await service.call('GET', '/openapi.json');
    expect(served.status).toBe(200);
    expect(served.json.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(served.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the app serves, and nothing else', async () => {
    const doc = (await service.call('GET', '/openapi.json')).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    // Every handler Hono routes to, less the middleware (`use`, the body limit on `/cases/*`)
    // and the two pages about the contract itself.
    const served = [
      ...new Set(
        service.app.routes
          .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
          .filter((r) => r !== 'GET /openapi.json' && r !== 'GET /reference'),
      ),
    ].sort();
    expect(served).toEqual(documented);
    expect(documented).toEqual([
      'GET /assessment',
      'GET /cases',
      'GET /cases/{id}',
      'GET /cases/{id}/commands',
      'GET /cases/{id}/history',
      'GET /cases/{id}/history/verification',
      'GET /cases/{id}/timers',
      'GET /events',
      'GET /packs',
      'POST /cases',
      'POST /cases/{id}/commands',
    ]);
  });

  it('generates the request schemas from the zod schemas that validate: strict bodies, every command', async () => {
    const doc = (await service.call('GET', '/openapi.json')).json;
    const command = doc.components.schemas.Command;
    expect(command.oneOf).toHaveLength(COMMAND_TYPES.length);
    expect(
      command.oneOf.every((variant: { additionalProperties?: boolean }) => variant.additionalProperties === false),
    ).toBe(true);
    expect(doc.paths['/cases'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/HazardReport',
    });
    const report = doc.components.schemas.HazardReport;
    expect(report.additionalProperties).toBe(false);
    expect(report.required).toEqual(
      expect.arrayContaining(['packId', 'category', 'site', 'responsible', 'description']),
    );
    const query = doc.paths['/cases'].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(query).toEqual(
      [
        'assignee',
        'category',
        'cursor',
        'dueBefore',
        'escalationLevel',
        'ids',
        'limit',
        'listed',
        'minEscalationLevel',
        'overdue',
        'packId',
        'regulator',
        'regulatoryGap',
        'severity',
        'status',
        'territory',
        'unassigned',
        'updatedAfter',
      ].sort(),
    );
  });

  it('describes every field the engine answers with (a new view field cannot go undocumented)', async () => {
    const { call } = service;
    const doc = (await call('GET', '/openapi.json')).json;
    const reported = await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() });
    const view = (await call('GET', `/cases/${reported.json.case.id}`, { as: 'gridWorker' })).json;
    const viewFields = Object.keys(doc.components.schemas.CaseView.properties);
    for (const key of Object.keys(view)) expect(viewFields).toContain(key);
    // Fields a view carries only in some cases (a deadline past the calendar's years, a
    // report accepted with warnings, a place type with industry departments or none regulating it).
    const sometimes = ['deadlineProvisional', 'industry', 'regulatoryGap', 'reportWarnings'];
    expect(viewFields.filter((f) => !(f in view)).sort()).toEqual(sometimes);
    const [entry] = (await call('GET', `/cases/${view.id}/history`, { as: 'gridWorker' })).json.entries;
    const documented = Object.keys(doc.components.schemas.AuditEntry.properties);
    for (const key of Object.keys(entry)) expect(documented).toContain(key);
    const { timers } = (await call('GET', `/cases/${view.id}/timers`, { as: 'gridWorker' })).json;
    expect(Object.keys(timers[0]).sort()).toEqual(Object.keys(doc.components.schemas.Timer.properties).sort());
  });

  it('serves a self-contained reference page that reads the document', async () => {
    const page = await service.call('GET', '/reference');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.text).toContain('fetch("/openapi.json")');
    expect(page.text).not.toMatch(/<script[^>]+src=/); // nothing loaded from elsewhere
  });
});
