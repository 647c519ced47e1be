// Bootstrap Italia loads its fonts (Titillium Web, Lora, Roboto Mono) from this path, served by the WebJar.
window.__PUBLIC_PATH__ = '/webjars/bootstrap-italia/dist/fonts';
