#!/usr/bin/env node
// A small in-memory stand-in for the SecureBase server, for developing and testing the web
// front end before the C++ server serves it. It implements the /api/v1 routes the front
// end uses, serves web/dist with the same CSP as the real server, and follows the same
// token flow: GET /?token=T sets an HttpOnly cookie and redirects (303) to /.
//
//   node mock-server.mjs [--port 0] [--token T] [--dist ../../web/dist] [--demo]
//
// On start it prints "SecureBase is running at http://127.0.0.1:PORT/?token=TOKEN".
// --demo seeds a person and a few months of results, for looking at the pages by hand.

import { createServer } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTRUMENTS, LEARN } from './mock-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const PORT = Number(arg('port', process.env.PORT ?? '0'));
const TOKEN = arg('token', randomBytes(16).toString('hex'));
const DIST = resolve(arg('dist', join(here, '..', '..', 'web', 'dist')));
const DEMO = process.argv.includes('--demo');
const COOKIE = 'securebase_session';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const CUT = 4;
const RELATIONSHIPS = ['partner', 'ex-partner', 'parent', 'sibling', 'child', 'friend', 'colleague', 'other'];

// ---- state -------------------------------------------------------------------------
const sessions = new Set();
const people = []; // { id, name, relationship, notes, created_at, removed }
const assessments = []; // stored rows; rendered by present()
const idempotent = new Map(); // key -> { status, body }
let nextPerson = 1;
let nextAssessment = 1;

const iso = (d = new Date()) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

// ---- scoring -----------------------------------------------------------------------
function instrumentById(id) {
  return INSTRUMENTS.find((i) => i.id === id);
}

function score(inst, answers) {
  const out = {};
  for (const s of inst.subscales) {
    const vals = [];
    for (const id of s.items) {
      const v = answers[id];
      if (v === undefined) continue;
      vals.push(s.reversed.includes(id) ? inst.scale.min + inst.scale.max - v : v);
    }
    const missing = s.items.length - vals.length;
    out[s.dimension] =
      vals.length && missing <= 0.2 * s.items.length
        ? Math.round((vals.reduce((a, b) => a + b, 0) / vals.length) * 100) / 100
        : null;
  }
  return { anxiety: out.anxiety ?? null, avoidance: out.avoidance ?? null };
}

const STYLE_NAMES = {
  secure: 'Secure',
  preoccupied: 'Preoccupied',
  dismissing: 'Dismissing',
  fearful: 'Fearful',
};

function placement(scores, cut) {
  if (scores.anxiety === null || scores.avoidance === null) return null;
  // A score exactly on the cut point counts as lower.
  const hiAnx = scores.anxiety > cut;
  const hiAv = scores.avoidance > cut;
  const style = hiAnx ? (hiAv ? 'fearful' : 'preoccupied') : hiAv ? 'dismissing' : 'secure';
  const r2 = (x) => Math.round(x * 100) / 100;
  return {
    style,
    style_name: STYLE_NAMES[style],
    anxiety_from_cut: r2(scores.anxiety - cut),
    avoidance_from_cut: r2(scores.avoidance - cut),
  };
}

function change(inst, prev, cur) {
  if (!prev) return null;
  const { sd, retest_r, assumed } = inst.reliability;
  const sdiff = Math.SQRT2 * sd * Math.sqrt(1 - retest_r);
  const r2 = (x) => Math.round(x * 100) / 100;
  const dims = [];
  let cannot = false;
  for (const d of ['anxiety', 'avoidance']) {
    const before = prev.scores[d];
    const after = cur.scores[d];
    if (before === null || after === null) {
      cannot = true;
      continue;
    }
    const diff = after - before;
    const rci = diff / sdiff;
    dims.push({
      dimension: d,
      before,
      after,
      difference: r2(diff),
      rci: r2(rci),
      threshold: r2(1.96 * sdiff),
      reliable: Math.abs(rci) > 1.96,
    });
  }
  let direction;
  if (cannot) direction = 'cannot-judge';
  else {
    const down = dims.some((d) => d.reliable && d.difference < 0);
    const up = dims.some((d) => d.reliable && d.difference > 0);
    direction = down && up ? 'mixed' : down ? 'toward-security' : up ? 'away-from-security' : 'no-reliable-change';
  }
  const summaries = {
    'toward-security': 'Compared with last time, you moved toward security: the drop is larger than measurement noise.',
    'away-from-security':
      'Compared with last time, you moved away from security: the rise is larger than measurement noise. Hard seasons happen, and scores can move back.',
    mixed: 'Compared with last time, one score fell and the other rose by more than measurement noise.',
    'no-reliable-change':
      'Compared with last time, neither score moved by more than measurement noise, so we cannot call this a real change yet.',
    'cannot-judge': 'We cannot judge change this time, because a score is missing.',
  };
  return {
    previous_id: prev.id,
    direction,
    summary: summaries[direction],
    assumed_figures: assumed,
    dimensions: dims,
  };
}

function previousComplete(row) {
  const inst = row.instrument;
  return assessments
    .filter(
      (a) =>
        a.id !== row.id &&
        a.status === 'complete' &&
        a.instrument === inst &&
        a.about === row.about &&
        (a.completed_at < row.completed_at || (a.completed_at === row.completed_at && a.id < row.id)),
    )
    .sort((a, b) => (a.completed_at < b.completed_at ? 1 : a.completed_at > b.completed_at ? -1 : b.id - a.id))[0];
}

function present(row) {
  const inst = instrumentById(row.instrument);
  const scores = score(inst, row.answers);
  const out = {
    id: row.id,
    instrument: row.instrument,
    about: row.about === null ? null : { id: row.about, name: people.find((p) => p.id === row.about)?.name ?? '' },
    status: row.status,
    answers: row.answers,
    started_at: row.started_at,
    completed_at: row.completed_at,
    scores,
    cut_point: CUT,
    placement: row.status === 'complete' ? placement(scores, CUT) : null,
    change: null,
  };
  if (row.status === 'complete') {
    const prev = previousComplete(row);
    if (prev) out.change = change(inst, { id: prev.id, scores: score(inst, prev.answers) }, { scores });
  }
  return out;
}

// ---- http helpers ------------------------------------------------------------------
function send(res, status, body, headers = {}) {
  const data = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(data);
}

function problem(res, status, title, detail, errors) {
  const type = {
    400: 'bad-request',
    401: 'unauthorized',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    422: 'validation',
  }[status] ?? 'error';
  const body = { type: `https://securebase.local/problems/${type}`, title, status, detail };
  if (errors) body.errors = errors;
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  return JSON.parse(text);
}

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function authed(req) {
  return sessions.has(cookies(req)[COOKIE]);
}

function validatePerson(body, partial) {
  const errors = [];
  if (!partial || 'name' in body) {
    if (typeof body.name !== 'string' || !body.name.trim()) errors.push({ field: 'name', message: 'is empty; give a name or a nickname' });
    else if (body.name.trim().length > 100) errors.push({ field: 'name', message: 'Please keep the name under 100 characters.' });
  }
  if (!partial || 'relationship' in body) {
    if (!RELATIONSHIPS.includes(body.relationship))
      errors.push({ field: 'relationship', message: `Choose one of: ${RELATIONSHIPS.join(', ')}.` });
  }
  if ('notes' in body && typeof body.notes !== 'string') errors.push({ field: 'notes', message: 'Notes must be text.' });
  else if (typeof body.notes === 'string' && body.notes.length > 2000)
    errors.push({ field: 'notes', message: 'Please keep notes under 2000 characters.' });
  return errors;
}

function validateAnswers(inst, answers) {
  const errors = [];
  if (answers === undefined) return errors;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
    return [{ field: 'answers', message: 'Answers must be an object of item ids to numbers.' }];
  for (const [k, v] of Object.entries(answers)) {
    if (!inst.items.some((i) => i.id === k)) errors.push({ field: `answers.${k}`, message: `There is no item ${k}.` });
    else if (!Number.isInteger(v) || v < inst.scale.min || v > inst.scale.max)
      errors.push({ field: `answers.${k}`, message: `Choose a whole number from ${inst.scale.min} to ${inst.scale.max}.` });
  }
  return errors;
}

function publicInstrument(inst, withItems) {
  const { items, subscales: _s, reliability: _r, ...rest } = inst;
  const out = { ...rest, item_count: items.length, has_wording: items.every((i) => i.text) };
  if (withItems) out.items = items;
  return out;
}

function personOut(p) {
  const { removed: _r, ...rest } = p;
  return rest;
}

// Cursor: base64 of an offset into the filtered, sorted list.
function paginate(list, url) {
  const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
  const cursor = url.searchParams.get('cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) || 0 : 0;
  const page = list.slice(start, start + limit);
  const next = start + limit < list.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
  return { items: page, next_cursor: next };
}

// ---- API ---------------------------------------------------------------------------
async function api(req, res, url) {
  const path = url.pathname.replace(/^\/api\/v1/, '') || '/';
  const method = req.method;

  if (path === '/health' && method === 'GET') return send(res, 200, { status: 'ok', version: '0.1.0' });
  if (!authed(req)) return problem(res, 401, 'Not signed in', 'Open SecureBase from the start link it printed.');

  // Idempotent replay of POSTs.
  const key = method === 'POST' ? req.headers['idempotency-key'] : undefined;
  if (key && idempotent.has(`${path}|${key}`)) {
    const r = idempotent.get(`${path}|${key}`);
    return send(res, r.status, r.body);
  }
  const remember = (status, body) => {
    if (key) idempotent.set(`${path}|${key}`, { status, body });
    return send(res, status, body);
  };

  let body = {};
  if (method === 'POST' || method === 'PATCH') {
    try {
      body = await readJson(req);
    } catch {
      return problem(res, 400, 'Bad JSON', 'The request body is not valid JSON.');
    }
  }

  let m;
  if (path === '/people') {
    if (method === 'GET') return send(res, 200, { items: people.filter((p) => !p.removed).map(personOut), next_cursor: null });
    if (method === 'POST') {
      const errors = validatePerson(body, false);
      if (errors.length) return problem(res, 422, 'Some fields need attention', 'Please check the highlighted fields.', errors);
      const p = {
        id: nextPerson++,
        name: body.name.trim(),
        relationship: body.relationship,
        notes: typeof body.notes === 'string' ? body.notes : '',
        created_at: iso(),
        removed: false,
      };
      people.push(p);
      return remember(201, personOut(p));
    }
    return problem(res, 405, 'Method not allowed', `${method} is not allowed here.`);
  }
  if ((m = /^\/people\/(\d+)(\/restore)?$/.exec(path))) {
    const p = people.find((x) => x.id === Number(m[1]));
    if (!p) return problem(res, 404, 'Not found', 'There is no such person.');
    if (m[2]) {
      if (method !== 'POST') return problem(res, 405, 'Method not allowed', `${method} is not allowed here.`);
      p.removed = false;
      return remember(200, personOut(p));
    }
    if (p.removed) return problem(res, 404, 'Not found', 'There is no such person.');
    if (method === 'GET') return send(res, 200, personOut(p));
    if (method === 'PATCH') {
      const errors = validatePerson(body, true);
      if (errors.length) return problem(res, 422, 'Some fields need attention', 'Please check the highlighted fields.', errors);
      if ('name' in body) p.name = body.name.trim();
      if ('relationship' in body) p.relationship = body.relationship;
      if ('notes' in body) p.notes = body.notes;
      return send(res, 200, personOut(p));
    }
    if (method === 'DELETE') {
      p.removed = true;
      return send(res, 200, {
        removed: personOut(p),
        references: { assessments: assessments.filter((a) => a.about === p.id).length },
      });
    }
    return problem(res, 405, 'Method not allowed', `${method} is not allowed here.`);
  }
  if (path === '/instruments' && method === 'GET')
    return send(res, 200, { items: INSTRUMENTS.map((i) => publicInstrument(i, false)) });
  if ((m = /^\/instruments\/([\w-]+)$/.exec(path)) && method === 'GET') {
    const inst = instrumentById(m[1]);
    if (!inst) return problem(res, 404, 'Not found', `No instrument "${m[1]}". Available: ${INSTRUMENTS.map((i) => i.id).join(', ')}.`);
    return send(res, 200, publicInstrument(inst, true));
  }
  if (path === '/assessments') {
    if (method === 'GET') {
      const about = url.searchParams.get('about');
      const status = url.searchParams.get('status');
      const errors = [];
      if (about !== null && about !== 'general' && !/^\d+$/.test(about))
        errors.push({ field: 'about', message: 'Use "general" or a person id.' });
      if (status !== null && status !== 'complete' && status !== 'draft')
        errors.push({ field: 'status', message: 'Use "complete" or "draft".' });
      if (errors.length) return problem(res, 400, 'Bad query', 'Please check the query parameters.', errors);
      const list = assessments
        .filter((a) => about === null || (about === 'general' ? a.about === null : a.about === Number(about)))
        .filter((a) => status === null || a.status === status)
        .filter((a) => !a.removed)
        .filter((a) => a.about === null || !people.find((p) => p.id === a.about)?.removed)
        .sort((a, b) => {
          const ka = a.completed_at ?? a.started_at;
          const kb = b.completed_at ?? b.started_at;
          return ka < kb ? 1 : ka > kb ? -1 : b.id - a.id;
        })
        .map(present);
      return send(res, 200, paginate(list, url));
    }
    if (method === 'POST') {
      const inst = instrumentById(body.instrument);
      if (!inst) return problem(res, 422, 'Unknown questionnaire', 'That questionnaire does not exist.', [{ field: 'instrument', message: 'Unknown questionnaire.' }]);
      const about = body.about ?? null;
      if (about !== null && !people.find((p) => p.id === about && !p.removed))
        return problem(res, 422, 'Unknown person', 'That person does not exist.', [{ field: 'about', message: 'Unknown person.' }]);
      const answers = body.answers ?? {};
      const errors = validateAnswers(inst, answers);
      if (errors.length) return problem(res, 422, 'Some answers need attention', 'Some answers are not valid.', errors);
      const complete = body.complete === true;
      const row = {
        id: nextAssessment++,
        instrument: inst.id,
        about,
        status: complete ? 'complete' : 'draft',
        answers: { ...answers },
        started_at: iso(),
        completed_at: complete ? iso() : null,
      };
      assessments.push(row);
      return remember(201, present(row));
    }
    return problem(res, 405, 'Method not allowed', `${method} is not allowed here.`);
  }
  if ((m = /^\/assessments\/(\d+)(\/restore)?$/.exec(path))) {
    const row = assessments.find((a) => a.id === Number(m[1]));
    if (!row) return problem(res, 404, 'Not found', 'There is no such assessment.');
    if (m[2] && method === 'POST' && row.removed) {
      row.removed = false;
      return send(res, 200, present(row));
    }
    if (row.removed) return problem(res, 404, 'Not found', 'There is no such assessment.');
    if (method === 'DELETE') {
      row.removed = true;
      return send(res, 200, { deleted: row.id, undo: `/api/v1/assessments/${row.id}/restore` });
    }
    if (method === 'GET') return send(res, 200, present(row));
    if (method === 'PATCH') {
      if (row.status === 'complete') return problem(res, 409, 'Already complete', 'This questionnaire is finished and cannot be changed.');
      const inst = instrumentById(row.instrument);
      const errors = validateAnswers(inst, body.answers);
      if (errors.length) return problem(res, 422, 'Some answers need attention', 'Some answers are not valid.', errors);
      Object.assign(row.answers, body.answers ?? {});
      if (body.complete === true) {
        const s = score(inst, row.answers);
        if (s.anxiety === null || s.avoidance === null)
          return problem(res, 422, 'Not enough answers', 'Please answer more statements before finishing.', [
            { field: 'answers', message: 'Too many statements are unanswered to score.' },
          ]);
        row.status = 'complete';
        row.completed_at = iso();
      }
      return send(res, 200, present(row));
    }
    return problem(res, 405, 'Method not allowed', `${method} is not allowed here.`);
  }
  if (path === '/learn' && method === 'GET')
    return send(res, 200, { items: LEARN.map(({ topic, title, summary }) => ({ topic, title, summary })) });
  if ((m = /^\/learn\/([\w-]+)$/.exec(path)) && method === 'GET') {
    const t = LEARN.find((x) => x.topic === m[1]);
    if (!t) return problem(res, 404, 'Not found', 'There is no such topic.');
    return send(res, 200, { topic: t.topic, title: t.title, markdown: t.markdown });
  }
  return problem(res, 404, 'Not found', `No route for ${method} ${url.pathname}.`);
}

// ---- static files ------------------------------------------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

async function serveStatic(req, res, url) {
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, rel);
  if (!file.startsWith(DIST)) file = join(DIST, 'index.html');
  let st = await stat(file).catch(() => null);
  if (!st || st.isDirectory()) {
    // Unknown non-API paths get the app, which routes on the client.
    if (url.pathname.startsWith('/assets/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not found');
    }
    file = join(DIST, 'index.html');
    st = await stat(file).catch(() => null);
    if (!st) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      return res.end(`web/dist is missing: build the front end first (${DIST}).`);
    }
  }
  const data = await readFile(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

const server = createServer(async (req, res) => {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  try {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (url.searchParams.get('token') !== TOKEN) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end('This start link is not valid. Use the link SecureBase printed when it started.');
      }
      const sid = randomUUID();
      sessions.add(sid);
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return res.end();
    }
    if (url.pathname.startsWith('/api/')) return await api(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      return res.end();
    }
    return await serveStatic(req, res, url);
  } catch (e) {
    console.error(e);
    if (!res.headersSent) problem(res, 500, 'Server error', String(e?.message ?? e));
    else res.end();
  }
});

function seedDemo() {
  const inst = instrumentById('crr-general');
  const alex = { id: nextPerson++, name: 'Alex', relationship: 'partner', notes: 'Together since 2021.', created_at: iso(), removed: false };
  people.push(alex);
  const months = [
    [5.4, 4.6],
    [5.0, 4.4],
    [4.6, 3.9],
    [3.9, 3.3],
    [3.3, 2.9],
  ];
  const now = Date.now();
  months.forEach(([anx, av], k) => {
    // Answers that score close to the targets.
    const answers = {};
    for (const s of inst.subscales) {
      const target = s.dimension === 'anxiety' ? anx : av;
      s.items.forEach((id, j) => {
        const v = Math.max(1, Math.min(7, Math.round(target + (j % 3 === 0 ? 0.4 : j % 3 === 1 ? -0.4 : 0))));
        answers[id] = s.reversed.includes(id) ? 8 - v : v;
      });
    }
    const when = new Date(now - (months.length - 1 - k) * 45 * 86400000);
    assessments.push({
      id: nextAssessment++,
      instrument: inst.id,
      about: null,
      status: 'complete',
      answers,
      started_at: iso(new Date(when.getTime() - 600000)),
      completed_at: iso(when),
    });
  });
}

if (DEMO) seedDemo();

server.listen(PORT, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`SecureBase is running at http://127.0.0.1:${port}/?token=${TOKEN}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
