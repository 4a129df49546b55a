import type { CurrentUser } from '@tracker/contracts';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Passwords of the demo accounts every non-production start creates. */
export const DEMO_PASSWORD = 'demo-password';

/**
 * A browser in miniature: keeps cookies, and like Angular's HttpClient echoes the XSRF-TOKEN cookie
 * in X-XSRF-TOKEN on every write. `on(url)` talks to another instance with the same cookies.
 */
export class Client {
  constructor(
    public base: string,
    readonly cookies: Map<string, string> = new Map(),
  ) {}

  on(base: string): Client {
    return new Client(base, this.cookies);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { xsrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && options.xsrf !== false && xsrf) {
      headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    }
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now());
      if (value === '' || expired) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(path: string): Promise<Answer<T>> {
    return this.request<T>('GET', path);
  }

  patch<T = unknown>(path: string, body: unknown, options?: { xsrf?: boolean }): Promise<Answer<T>> {
    return this.request<T>('PATCH', path, body, options);
  }

  post<T = unknown>(path: string, body?: unknown, options?: { xsrf?: boolean; headers?: Record<string, string> }): Promise<Answer<T>> {
    return this.request<T>('POST', path, body, options);
  }

  /** GET /api/auth/me for the XSRF cookie, then POST /api/auth/login; throws unless signed in. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<CurrentUser> {
    if (!this.cookies.has('XSRF-TOKEN')) {
      await this.get('/api/auth/me');
    }
    const answer = await this.post<CurrentUser>('/api/auth/login', { email, password });
    if (answer.status !== 200) {
      throw new Error(`sign-in as ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}

export async function signedIn(base: string, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(base);
  await client.signIn(email, password);
  return client;
}
