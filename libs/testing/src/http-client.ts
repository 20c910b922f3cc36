import { CORRELATION_ID_HEADER } from '@lms/observability';

export interface HttpResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Who signs in: a tenant's code, an e-mail and a password. */
export interface SignInCredentials {
  tenant: string;
  email: string;
  password: string;
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * A small JSON client for tests, benchmarks and scripts that drive the platform through its
 * gateway; signed in, it sends its access token and renews it once when it is refused.
 */
export class ApiClient {
  private tokens: TokenPair | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly correlationId?: string,
  ) {}

  /** A client signed in as `credentials` (`POST /api/v1/auth/login`). */
  static async signIn(
    baseUrl: string,
    credentials: SignInCredentials,
    correlationId?: string,
  ): Promise<ApiClient> {
    const client = new ApiClient(baseUrl, correlationId);
    client.tokens = await client.expect<TokenPair>('POST', '/api/v1/auth/login', credentials, 200);
    return client;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const result = await this.send<T>(method, path, body);
    if (result.status !== 401 || !this.tokens) return result;
    this.tokens = await this.expect<TokenPair>(
      'POST',
      '/api/v1/auth/refresh',
      {
        refreshToken: this.tokens.refreshToken,
      },
      200,
    );
    return this.send<T>(method, path, body);
  }

  /** Sends and expects `status`; a signed-in client renews its token once unless it is signing in. */
  private async expect<T>(
    method: string,
    path: string,
    body: unknown,
    status: number,
    renew = false,
  ): Promise<T> {
    const result = renew ? await this.call<T>(method, path, body) : await this.send<T>(method, path, body);
    if (result.status !== status)
      throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.correlationId) headers[CORRELATION_ID_HEADER] = this.correlationId;
    if (this.tokens) headers.authorization = `Bearer ${this.tokens.accessToken}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  /** POSTs and expects 201; returns the created resource. */
  async create<T>(path: string, body: unknown): Promise<T> {
    return this.expect<T>('POST', path, body, 201, true);
  }

  /** GETs a document that is not JSON (an export): its status, content type and text. */
  async download(path: string): Promise<{ status: number; contentType: string; text: string }> {
    const headers: Record<string, string> = {};
    if (this.tokens) headers.authorization = `Bearer ${this.tokens.accessToken}`;
    const response = await fetch(`${this.baseUrl}${path}`, { headers });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  async get<T>(path: string): Promise<T> {
    return this.expect<T>('GET', path, undefined, 200, true);
  }

  /** POSTs a multipart form of text `fields` and one file: its status and JSON answer. */
  async upload<T>(
    path: string,
    fields: Record<string, string>,
    file: { field: string; name: string; type: string; content: string },
  ): Promise<HttpResult<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(file.field, new Blob([file.content], { type: file.type }), file.name);
    const headers: Record<string, string> = {};
    if (this.correlationId) headers[CORRELATION_ID_HEADER] = this.correlationId;
    if (this.tokens) headers.authorization = `Bearer ${this.tokens.accessToken}`;
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: form });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }
}
