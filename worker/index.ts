export default { async fetch(req: Request, env: any) { const r = await env.DB.prepare('select 1 as one').first(); return Response.json(r); } };
