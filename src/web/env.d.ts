// Style sheets are imported for their side effect; Vite bundles them.
declare module '*.css';
// Noto Sans, self-hosted (the Content-Security-Policy allows fonts from this server only).
declare module '@fontsource-variable/noto-sans';
