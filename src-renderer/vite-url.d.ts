/** Vite's `?url` imports (the pdf.js worker is served as a file of the app's own origin, as the CSP allows). */
declare module '*?url' {
  const url: string;
  export default url;
}
