// Vite turns `?inline` CSS imports into a minified string.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
