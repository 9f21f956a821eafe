// esbuild (and the tests' loader) import `.guard` files as their text.
declare module '*.guard' {
  const text: string;
  export default text;
}
