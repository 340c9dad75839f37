/**
 * electron-builder's beforeBuild hook. electron-vite bundles the app (main, preload, renderer) into
 * out/ with every dependency inside, so the package needs no node_modules. Resolving to false tells
 * electron-builder that node_modules are handled outside it: it neither rebuilds native modules
 * (there are none) nor copies the production dependencies next to the bundle, so nothing unbundled ships.
 */
module.exports = async function beforeBuild() {
  return false;
};
