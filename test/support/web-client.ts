import type { FastifyInstance } from 'fastify';

/**
 * Drives the app through fastify.inject like a browser: keeps cookies, and fills the hidden
 * CSRF field from the last page it loaded.
 */
export class WebClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  lastBody = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(headers: Record<string, unknown>): void {
    const set = headers['set-cookie'];
    const list = Array.isArray(set) ? set : set ? [set] : [];
    for (const c of list as string[]) {
      const [pair] = c.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/Expires=Thu, 01 Jan 1970/i.test(c) || value.join('=') === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
  }

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(res.headers);
    this.lastBody = res.body;
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m?.[1]) this.csrf = m[1];
    return res;
  }

  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: string | null } = {}) {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
    });
    this.remember(res.headers);
    this.lastBody = res.body;
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m?.[1]) this.csrf = m[1];
    return res;
  }

  /** A multipart form as a browser sends a file upload: fields (the CSRF token among them) and one file. */
  async postFile(url: string, fields: Record<string, string>, file: { field: string; filename: string; contentType: string; content: Buffer } | null) {
    const boundary = `----convene${Date.now()}`;
    const parts: Buffer[] = [];
    const all = { ...(this.csrf ? { _csrf: this.csrf } : {}), ...fields };
    for (const [k, v] of Object.entries(all)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    if (file) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
      parts.push(file.content, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: 'POST', url, payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader() },
    });
    this.remember(res.headers);
    this.lastBody = res.body;
    return res;
  }

  /** Any request, as this browser (its cookies), for tests that send what no page would (JSON, hostile bodies). */
  async inject(options: { method: 'GET' | 'POST'; url: string; payload?: string; contentType?: string; headers?: Record<string, string> }) {
    const res = await this.app.inject({
      method: options.method, url: options.url, ...(options.payload !== undefined ? { payload: options.payload } : {}),
      headers: { ...(options.contentType ? { 'content-type': options.contentType } : {}), ...options.headers, cookie: this.cookieHeader() },
    });
    this.remember(res.headers);
    return res;
  }

  async signIn(username: string, password: string) {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password });
  }
}
