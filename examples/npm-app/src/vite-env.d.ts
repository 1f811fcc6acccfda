interface ImportMetaEnv {
  readonly VITE_RAAYE_ENDPOINT?: string;
  readonly VITE_RAAYE_SITE_KEY?: string;
}
