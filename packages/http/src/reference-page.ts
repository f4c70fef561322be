/**
 * The interactive API reference: one self-contained HTML page (no CDN, no bundle) that
 * reads `/openapi.json` and renders every operation with its parameters, body schema and
 * answers, and a form to try it with a token. It works offline and behind any firewall,
 * which the hosted reference UIs (they load their scripts from a CDN) do not.
 */
export function referencePage(title: string, openApiPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem;color:#1d2327}
h1{font-size:1.5rem} h2{font-size:1.1rem;margin:0}
details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer} code,pre,textarea,input{font:13px ui-monospace,monospace}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:24rem}
.m{display:inline-block;width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#1a7f37}.post{color:#0969da} textarea{width:100%;height:8rem} label{display:block;margin:.25rem 0}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>The contract is <a href="${escapeHtml(openApiPath)}"><code>${escapeHtml(openApiPath)}</code></a> (OpenAPI 3.1). Errors are <code>application/problem+json</code>.</p>
<label>Bearer token (kept in this page only) <input id="token" type="password" size="40" autocomplete="off"></label>
<div id="ops">Loading…</div>
<script>
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
};
const resolve = (doc, schema) => {
  if (schema && schema.$ref) return resolve(doc, schema.$ref.split('/').slice(1).reduce((o, k) => o[k], doc));
  return schema;
};
fetch(${JSON.stringify(openApiPath)}).then((r) => r.json()).then((doc) => {
  const ops = document.getElementById('ops');
  ops.textContent = '';
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const box = el('details');
      box.append(el('summary', {}, el('span', { class: 'm ' + method }, method), el('code', {}, path), ' ', op.summary || ''));
      if (op.description) box.append(el('p', {}, op.description));
      const inputs = {};
      for (const p of op.parameters || []) {
        const input = el('input', { name: p.name, placeholder: p.in });
        inputs[p.name] = { input, where: p.in };
        box.append(el('label', {}, el('code', {}, p.name), ' (' + p.in + (p.required ? ', required' : '') + ') ', input));
      }
      let body;
      const content = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (content) {
        box.append(el('p', {}, 'Body schema:'), el('pre', {}, JSON.stringify(resolve(doc, content.schema), null, 2)));
        body = el('textarea', { placeholder: '{ }' });
        box.append(body);
      }
      box.append(el('p', {}, 'Answers: ' + Object.entries(op.responses).map(([s, r]) => s + ' ' + r.description).join('; ')));
      const out = el('pre');
      const send = el('button', { type: 'button' }, 'Send');
      send.onclick = async () => {
        let url = path;
        const query = new URLSearchParams();
        const headers = { authorization: 'Bearer ' + document.getElementById('token').value };
        for (const [name, { input, where }] of Object.entries(inputs)) {
          if (!input.value) continue;
          if (where === 'path') url = url.replace('{' + name + '}', encodeURIComponent(input.value));
          else if (where === 'query') query.append(name, input.value);
          else if (where === 'header') headers[name] = input.value;
        }
        if (body) headers['content-type'] = 'application/json';
        const q = query.toString();
        const res = await fetch(url + (q ? '?' + q : ''), { method: method.toUpperCase(), headers, body: body ? body.value : undefined });
        const text = await res.text();
        out.textContent = res.status + ' ' + (res.headers.get('etag') ? 'ETag ' + res.headers.get('etag') + '\\n' : '\\n') + text;
      };
      if (path !== '/events') box.append(send, out);
      ops.append(box);
    }
  }
});
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
