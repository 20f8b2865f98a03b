/** A multipart/form-data body as a browser would send it: the fields, then one file. */
export async function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer; type?: string } | null,
): Promise<{ payload: Buffer; headers: { 'content-type': string } }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append(
      'file',
      new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], {
        type: file.type ?? 'text/csv',
      }),
      file.name,
    );
  const r = new Response(form);
  return {
    payload: Buffer.from(await r.arrayBuffer()),
    headers: { 'content-type': r.headers.get('content-type')! },
  };
}
