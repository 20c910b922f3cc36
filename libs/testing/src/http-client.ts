import { CORRELATION_ID_HEADER } from '@lms/observability';

export interface HttpResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client for tests that drive the platform through its gateway. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly correlationId?: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.correlationId) headers[CORRELATION_ID_HEADER] = this.correlationId;
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
    const result = await this.call<T>('POST', path, body);
    if (result.status !== 201) {
      throw new Error(`POST ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    return result.body;
  }

  async get<T>(path: string): Promise<T> {
    const result = await this.call<T>('GET', path);
    if (result.status !== 200)
      throw new Error(`GET ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  }
}
