// The static checks `npm test` and `npm run typecheck` share: one tsconfig per layer and the layer rules.
export const TS_PROJECTS = ['tsconfig.shared.json', 'tsconfig.renderer.json', 'tsconfig.main.json', 'tsconfig.e2e.json'];
export const LAYER_CHECK_ARGS = ['src-shared', 'src-main', 'src-renderer', 'db', 'drivers', '--config', '.dependency-cruiser.cjs'];
