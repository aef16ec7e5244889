/** A client app's view of the API: JSON over fetch, nothing the app under test provides. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    public token?: string,
  ) {}

  withToken(token: string | undefined): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T = any>(path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, undefined, init);
  }

  post<T = any>(path: string, body?: unknown, init: RequestInit = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, init);
  }

  patch<T = any>(path: string, body?: unknown, init: RequestInit = {}): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, body, init);
  }

  delete<T = any>(path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path, undefined, init);
  }

  /** Sends a raw body as is (malformed JSON, huge payloads, other content types). */
  async raw(method: string, path: string, body: string, contentType = 'application/json'): Promise<ApiResponse> {
    return this.request(method, path, undefined, { body, headers: { 'content-type': contentType } });
  }

  private async request<T>(method: string, path: string, body: unknown, init: RequestInit): Promise<ApiResponse<T>> {
    const headers = new Headers(init.headers);
    if (body !== undefined) headers.set('content-type', 'application/json');
    if (this.token && !headers.has('authorization')) headers.set('authorization', `Bearer ${this.token}`);
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      ...init,
      method,
      headers,
      body: body !== undefined ? JSON.stringify(body) : init.body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the test sees the raw text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
