// No plugin and no loader: the package's glue loads its wasm with
// `new URL(..., import.meta.url)`, which webpack 5 turns into an asset by itself. The
// stylesheet is emitted as a plain asset file (the page links it).
export default {
  mode: 'production',
  entry: './src/index.js',
  output: { path: new URL('./dist', import.meta.url).pathname, publicPath: 'auto', clean: true },
  // The wasm modules are larger than webpack's default hint for JS; that is known and measured.
  performance: { hints: false },
  module: { rules: [{ test: /\.css$/, type: 'asset/resource', generator: { filename: 'samtykke.css' } }] },
};
