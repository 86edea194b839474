/**
 * An RFC 9457 problem answer from a theme's route handler (`application/problem+json`, with a stable
 * `code` as the API's problems have), and any other headers the route needs.
 */
export function problemResponse(
  status: number,
  code: string,
  title: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { type: 'about:blank', title, status, code },
    { status, headers: { ...headers, 'content-type': 'application/problem+json' } },
  );
}
