/** A page of a cursor-paginated list, as every list operation of the API returns it. */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/**
 * Iterates every item of a cursor-paginated list, fetching the next page (`cursor` = the previous
 * page's `next_cursor`) only when the consumer gets there. `break` stops fetching.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}
