/** The API path of one challenge, under which its writes go. */
export const challengePath = (slug: string) => `/challenges/${encodeURIComponent(slug)}`;
