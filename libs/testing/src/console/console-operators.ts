/** An answer of the admin API as the int-specs read it. */
export interface ConsoleAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A call of the admin API with the admin token: method, path below /api/v1, JSON body. */
export type AdminCall = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<ConsoleAnswer<T>>;

/** Waits until the console at `api` (…/api/v1) answers GET /health with 200 for `token`. */
export async function untilConsoleUp(api: string, token: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${api}/health`, { headers: { authorization: `Bearer ${token}` } }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the console at ${api} did not answer GET /health within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An operator with roles and a fresh API token, made through the admin API: the token (shown once) and its id. */
export async function operatorWithToken(admin: AdminCall, name: string, roles: string[], tokenBody: Record<string, unknown> = {}) {
  const made = await admin('POST', '/operators', { name, roles });
  if (made.status !== 201) throw new Error(`POST /operators ${name} → ${made.status} ${JSON.stringify(made.body)}`);
  const created = await admin<{ token: string; id: string }>('POST', `/operators/${name}/tokens`, tokenBody);
  if (created.status !== 201) throw new Error(`POST /operators/${name}/tokens → ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}
